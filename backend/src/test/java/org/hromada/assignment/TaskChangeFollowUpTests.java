package org.hromada.assignment;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An acceptance or a check-in whose need changes under it: the assignment's change stands
 * and the payload says so; the need follows (moved, the volunteer tied to it), within the
 * request when its retries suffice, else by the expiry job's follow-up run. The
 * concurrent change is deterministic: every save of the need is preceded by another
 * writer's change to it, as many times as the test says.
 */
class TaskChangeFollowUpTests extends AssignmentTestSupport {

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private ConfigurableApplicationContext context;

	@Test
	void anAcceptanceWhoseNeedKeepsChangingSaysAcceptedAndTheNeedFollowsOnTheNextRun() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of());
		String need = triagedNeed(coordinator, pcode, "WASH");
		String id = assign(coordinator, offer(need, volunteer.id(), 10, 2));

		GraphQlTester.Response response = whileNeedChanges(need, 50,
				() -> volunteer.client()
					.documentName("respondToAssignment")
					.variable("input", Map.of("id", id, "accept", true))
					.execute());

		succeeds(response, "respondToAssignment").path("respondToAssignment.assignment.status")
			.entity(String.class)
			.isEqualTo("ACCEPTED");
		assertThat(status(id)).isEqualTo(AssignmentStatus.ACCEPTED);
		assertThat(needStatus(coordinator, need)).as("not followed yet").isEqualTo("TRIAGED");

		assertThat(expirerAt(Duration.ofMinutes(2)).run(scope(pcode))).isZero();
		assertThat(needStatus(coordinator, need)).isEqualTo("ASSIGNED");
		assertThat(contactPhone(volunteer, need)).isNotNull();
		assertThat(actions(id)).containsOnlyOnce("assignment.accepted");
	}

	@Test
	void anAcceptanceWhoseNeedChangedAFewTimesMovesTheNeedWithinTheRequest() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of());
		String need = triagedNeed(coordinator, pcode, "WASH");
		String id = assign(coordinator, offer(need, volunteer.id(), 10, 2));

		succeeds(whileNeedChanges(need, 3,
				() -> volunteer.client()
					.documentName("respondToAssignment")
					.variable("input", Map.of("id", id, "accept", true))
					.execute()),
				"respondToAssignment");

		assertThat(needStatus(coordinator, need)).isEqualTo("ASSIGNED");
		assertThat(contactPhone(volunteer, need)).isNotNull();
	}

	@Test
	void aCheckInWhoseNeedKeepsChangingSaysInProgressAndTheNeedFollowsOnTheNextRun() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of());
		String need = triagedNeed(coordinator, pcode, "WASH");
		String id = assign(coordinator, offer(need, volunteer.id(), 1, 2));
		respond(volunteer, id, true, null);

		GraphQlTester.Response response = whileNeedChanges(need, 50,
				() -> volunteer.client().documentName("checkIn").variable("input", Map.of("id", id)).execute());

		succeeds(response, "checkIn").path("checkIn.assignment.status").entity(String.class).isEqualTo("IN_PROGRESS");
		assertThat(needStatus(coordinator, need)).as("not followed yet").isEqualTo("ASSIGNED");
		expirerAt(Duration.ofMinutes(2)).run(scope(pcode));
		assertThat(needStatus(coordinator, need)).isEqualTo("IN_PROGRESS");
		assertThat(actions(id)).containsOnlyOnce("assignment.started");
	}

	/**
	 * Runs the call while another writer changes the need just before each of its next
	 * saves, at most the given number of times.
	 */
	private GraphQlTester.Response whileNeedChanges(String need, int times, Supplier<GraphQlTester.Response> call) {
		AtomicInteger left = new AtomicInteger(times);
		AbstractMongoEventListener<Object> concurrentWriter = new AbstractMongoEventListener<>() {
			@Override
			public void onBeforeSave(BeforeSaveEvent<Object> event) {
				Object id = event.getDocument().get("_id");
				if ("aidRequests".equals(event.getCollectionName()) && need.equals(String.valueOf(id))
						&& left.getAndDecrement() > 0) {
					TaskChangeFollowUpTests.this.mongo.getCollection("aidRequests")
						.updateOne(Filters.eq("_id", id), Updates.inc("version", 1L));
				}
			}
		};
		this.context.addApplicationListener(concurrentWriter);
		try {
			return call.get();
		}
		finally {
			this.context.removeApplicationListener(concurrentWriter);
		}
	}

}
