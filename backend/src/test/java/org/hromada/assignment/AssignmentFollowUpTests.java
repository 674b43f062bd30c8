package org.hromada.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

	@Test
	void completedWorkKeepsTheNeedInProgressWhateverLaterOffersComeToAndLetsItBeFulfilled() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person done = volunteerOf(pcode, Map.of());
		String need = triagedNeed(coordinator, pcode, "WASH");
		String work = assign(coordinator, offer(need, done.id(), 1, 1));
		respond(done, work, true, null);
		checkIn(done, work);
		complete(done, work, 1.0);
		assertThat(needStatus(coordinator, need)).isEqualTo("IN_PROGRESS");

		Person declining = volunteerOf(pcode, Map.of());
		respond(declining, assign(coordinator, offer(need, declining.id(), 30, 1)), false, "Away that week");
		assertThat(needStatus(coordinator, need)).as("after a decline").isEqualTo("IN_PROGRESS");
		Person cancelled = volunteerOf(pcode, Map.of());
		String accepted = assign(coordinator, offer(need, cancelled.id(), 30, 1));
		respond(cancelled, accepted, true, null);
		succeeds(coordinator.client()
			.documentName("cancelAssignment")
			.variable("input", Map.of("id", accepted, "reason", "Not needed"))
			.execute(), "cancelAssignment");
		assertThat(needStatus(coordinator, need)).as("after a cancellation").isEqualTo("IN_PROGRESS");
		Person silent = volunteerOf(pcode, Map.of());
		assign(coordinator, offer(need, silent.id(), 30, 1));
		assertThat(expirerAt(Duration.ofHours(25)).run(scope(pcode))).isOne();
		assertThat(needStatus(coordinator, need)).as("after an expired offer").isEqualTo("IN_PROGRESS");

		succeeds(coordinator.client()
			.documentName("changeAidRequestStatus")
			.variable("input", Map.of("id", need, "version", needVersion(coordinator, need), "status", "FULFILLED"))
			.execute(), "changeAidRequestStatus");
		assertThat(needStatus(coordinator, need)).isEqualTo("FULFILLED");
	}

}
