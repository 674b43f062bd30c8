package org.hromada.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What follows the end of an assignment (the booking freed, the volunteer untied from the
 * task, the task released, the log written) happens whatever the interleaving with a
 * concurrent answer, and is completed later when it was interrupted.
 */
class AssignmentFollowUpTests extends AssignmentTestSupport {

	@Autowired
	private AssignmentService assignments;

	@Autowired
	private MongoTemplate mongo;

	@Test
	void aCancellationRacingTheVolunteersAcceptanceNeverLeavesTheNeedAssignedOrTheContactVisible() throws Exception {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		String need = triagedNeed(coordinator, pcode, "WASH");
		for (int round = 0; round < 12; round++) {
			Person volunteer = volunteerOf(pcode, Map.of());
			String id = assign(coordinator, offer(need, volunteer.id(), 10 + round, 1));
			CountDownLatch go = new CountDownLatch(1);
			List<Callable<GraphQlTester.Response>> calls = List.of(() -> {
				go.await();
				return volunteer.client()
					.documentName("respondToAssignment")
					.variable("input", Map.of("id", id, "accept", true))
					.execute();
			}, () -> {
				go.await();
				return coordinator.client()
					.documentName("cancelAssignment")
					.variable("input", Map.of("id", id, "reason", "Plans changed"))
					.execute();
			});
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<GraphQlTester.Response>> futures = calls.stream().map(pool::submit).toList();
				go.countDown();
				for (Future<GraphQlTester.Response> future : futures) {
					future.get();
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(this.mongo.findById(id, AssignmentDocument.class).getStatus())
				.isEqualTo(AssignmentStatus.CANCELLED);
			assertThat(needStatus(coordinator, need)).as("need after round " + round).isEqualTo("TRIAGED");
			assertThat(contactPhone(volunteer, need)).as("contact after round " + round).isNull();
			assertThat(bookings(volunteer.id())).isZero();
		}
	}

	@Test
	void aFollowUpInterruptedAfterTheStatusChangeIsCompletedByTheNextExpiryRun() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of());
		String need = triagedNeed(coordinator, pcode, "WASH");
		String id = assign(coordinator, offer(need, volunteer.id(), 10, 1));
		respond(volunteer, id, true, null);
		assertThat(contactPhone(volunteer, need)).isNotNull();
		// The cancellation's own update, as cancelAssignment applies it, then a crash
		// before anything follows.
		this.mongo.updateFirst(Query.query(Criteria.where("id").is(id)),
				new Update().set("status", AssignmentStatus.CANCELLED)
					.set(AssignmentService.FOLLOW_UP, true)
					.set("updatedAt", Instant.now()),
				AssignmentDocument.class);
		assertThat(needStatus(coordinator, need)).isEqualTo("ASSIGNED");

		assertThat(expirerAt(Duration.ofHours(1)).run(scope(pcode))).isZero();

		assertThat(needStatus(coordinator, need)).isEqualTo("TRIAGED");
		assertThat(contactPhone(volunteer, need)).isNull();
		assertThat(bookings(volunteer.id())).isZero();
		assertThat(this.mongo.findById(id, AssignmentDocument.class).getFollowUpPending()).isNull();
		assertThat(actions(id)).containsOnlyOnce("assignment.cancelled");
		// Nothing is left to do on the next run.
		expirerAt(Duration.ofHours(2)).run(scope(pcode));
		assertThat(actions(id)).containsOnlyOnce("assignment.cancelled");
	}

	@Test
	void completingOneOfTwoAssignmentsOnANeedKeepsTheVolunteerOnIt() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of("maxActiveAssignments", 3));
		String need = triagedNeed(coordinator, pcode, "WASH");
		String today = assign(coordinator, offer(need, volunteer.id(), 1, 1));
		respond(volunteer, today, true, null);
		String tomorrow = assign(coordinator, offer(need, volunteer.id(), 25, 1));
		respond(volunteer, tomorrow, true, null);
		volunteer.client()
			.documentName("checkIn")
			.variable("input", Map.of("id", today))
			.execute()
			.path("checkIn.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		volunteer.client()
			.documentName("completeAssignment")
			.variable("input", Map.of("id", today, "hoursWorked", 1.0))
			.execute()
			.path("completeAssignment.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(contactPhone(volunteer, need)).as("still accepted for tomorrow").isNotNull();
	}

	private AssignmentExpirer expirerAt(Duration ahead) {
		return new AssignmentExpirer(this.assignments, Clock.fixed(Instant.now().plus(ahead), ZoneOffset.UTC));
	}

	private static Criteria scope(String pcode) {
		return Criteria.where("communityPcode").is(pcode);
	}

	private long bookings(String volunteerId) {
		ScheduleDocument schedule = this.mongo.findById(volunteerId, ScheduleDocument.class);
		return (schedule != null) ? schedule.getBookings().size() : 0;
	}

	@SuppressWarnings("unchecked")
	String contactPhone(Person volunteer, String need) {
		Map<String, Object> request = volunteer.client()
			.document("query($id: ID!) { aidRequest(id: $id) { id contact { phone } } }")
			.variable("id", need)
			.execute()
			.path("aidRequest")
			.entity(Map.class)
			.get();
		Map<String, Object> contact = (Map<String, Object>) request.get("contact");
		return (contact != null) ? (String) contact.get("phone") : null;
	}

	private List<String> actions(String id) {
		return new ArrayList<>(as(TestUser.ADMIN)
			.document(
					"query($id: ID) { activities(filter: { entityId: $id }, first: 50) { edges { node { action } } } }")
			.variable("id", id)
			.execute()
			.path("activities.edges[*].node.action")
			.entityList(String.class)
			.get());
	}

}
