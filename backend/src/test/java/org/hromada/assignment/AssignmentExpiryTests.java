package org.hromada.assignment;

import java.time.Duration;
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
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expiry, run by expiry jobs whose clocks the tests set hours ahead and scoped to the
 * test's own community (the application and its store are shared by all integration
 * tests).
 */
class AssignmentExpiryTests extends AssignmentTestSupport {

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private ScheduledTaskHolder scheduledTasks;

	@Test
	void theExpiryJobRunsEveryConfiguredInterval() {
		assertThat(this.scheduledTasks.getScheduledTasks()).map(ScheduledTask::getTask)
			.filteredOn(task -> task.toString().endsWith("AssignmentExpirer.scheduledRun"))
			.singleElement()
			.isInstanceOfSatisfying(FixedDelayTask.class,
					task -> assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofMinutes(1)));
	}

	@Test
	void unansweredOffersAndAcceptedAssignmentsNotCheckedInExpireAndReleaseTheirNeed() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of("maxActiveAssignments", 5));
		String need = triagedNeed(coordinator, pcode, "WASH");
		// Windows start in 1, 3, 5 and 20 hours: deadlines at start + 2 h grace.
		String unanswered = assign(coordinator, offer(need, volunteer.id(), 1, 1));
		String accepted = assign(coordinator, offer(need, volunteer.id(), 3, 1));
		respond(volunteer, accepted, true, null);
		String started = assign(coordinator, offer(need, volunteer.id(), 5, 1));
		respond(volunteer, started, true, null);
		volunteer.client().documentName("checkIn").variable("input", Map.of("id", started)).execute();
		String later = assign(coordinator, offer(need, volunteer.id(), 20, 1));

		assertThat(expirerAt(Duration.ofHours(4)).run(scope(pcode))).isEqualTo(1);
		assertThat(status(unanswered)).isEqualTo(AssignmentStatus.EXPIRED);
		assertThat(status(accepted)).isEqualTo(AssignmentStatus.ACCEPTED);

		assertThat(expirerAt(Duration.ofHours(6)).run(scope(pcode))).isEqualTo(1);
		assertThat(status(accepted)).isEqualTo(AssignmentStatus.EXPIRED);
		assertThat(status(started)).isEqualTo(AssignmentStatus.IN_PROGRESS);
		assertThat(status(later)).isEqualTo(AssignmentStatus.OFFERED);
		// The need keeps its checked-in volunteer.
		assertThat(needStatus(coordinator, need)).isEqualTo("IN_PROGRESS");
		assertThat(actions(unanswered)).containsOnlyOnce("assignment.expired");
		assertThat(actions(accepted)).containsOnlyOnce("assignment.expired");
	}

	@Test
	void anAcceptedAssignmentExpiringReleasesItsNeedBackToTriaged() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of("maxActiveAssignments", 1));
		String need = triagedNeed(coordinator, pcode, "WASH");
		String accepted = assign(coordinator, offer(need, volunteer.id(), 1, 1));
		respond(volunteer, accepted, true, null);
		assertThat(needStatus(coordinator, need)).isEqualTo("ASSIGNED");

		assertThat(expirerAt(Duration.ofHours(4)).run(scope(pcode))).isEqualTo(1);
		assertThat(needStatus(coordinator, need)).isEqualTo("TRIAGED");
		// Its only slot is free again.
		assign(coordinator, offer(need, volunteer.id(), 10, 1));
	}

	@Test
	void anInProgressAssignmentPastItsWindowByTheGraceExpiresAsIncompleteAndTheVolunteerLosesTheContact() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of("maxActiveAssignments", 1));
		String need = triagedNeed(coordinator, pcode, "WASH");
		// The window ends within 2 hours; the grace (in-progress-grace) is 24 hours.
		String started = assign(coordinator, offer(need, volunteer.id(), 1, 1));
		respond(volunteer, started, true, null);
		checkIn(volunteer, started);
		assertThat(contactPhone(volunteer, need)).isNotNull();

		assertThat(expirerAt(Duration.ofHours(25)).run(scope(pcode))).as("within the grace").isZero();
		assertThat(status(started)).isEqualTo(AssignmentStatus.IN_PROGRESS);

		assertThat(expirerAt(Duration.ofHours(27)).run(scope(pcode))).isOne();
		assertThat(status(started)).isEqualTo(AssignmentStatus.EXPIRED);
		assertThat(contactPhone(volunteer, need)).isNull();
		assertThat(bookings(volunteer.id())).isZero();
		assertThat(needStatus(coordinator, need)).as("the work was not done").isEqualTo("TRIAGED");
		as(TestUser.ADMIN)
			.document("query($id: ID) { activities(filter: { entityId: $id }, first: 50) "
					+ "{ edges { node { action summary } } } }")
			.variable("id", started)
			.execute()
			.path("activities.edges[?(@.node.action == 'assignment.expired')].node.summary")
			.entityList(String.class)
			.containsExactly("Assignment expired incomplete: checked in, not completed by window end plus grace");
		// Its only slot is free again.
		assign(coordinator, offer(need, volunteer.id(), 40, 1));
	}

	@Test
	void theGraceOfWorkInProgressIsConfigurable() {
		new ApplicationContextRunner().withUserConfiguration(AssignmentStore.class)
			.withPropertyValues("hromada.assignment.in-progress-grace=6h")
			.run(context -> assertThat(context.getBean(AssignmentSettings.class).inProgressGrace())
				.isEqualTo(Duration.ofHours(6)));
	}

	@Test
	void twoSchedulersRunningAtOnceExpireEachAssignmentOnce() throws Exception {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		String need = triagedNeed(coordinator, pcode, "WASH");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Person volunteer = volunteerOf(pcode, Map.of("maxActiveAssignments", 5));
			for (int j = 0; j < 3; j++) {
				String id = assign(coordinator, offer(need, volunteer.id(), 1 + 2 * j, 1));
				if (j == 1) {
					respond(volunteer, id, true, null);
				}
				ids.add(id);
			}
		}
		AssignmentExpirer first = expirerAt(Duration.ofHours(12));
		AssignmentExpirer second = expirerAt(Duration.ofHours(12));
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		int expired = 0;
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (AssignmentExpirer expirer : List.of(first, second)) {
				Callable<Integer> run = () -> {
					go.await();
					return expirer.run(scope(pcode));
				};
				runs.add(pool.submit(run));
			}
			go.countDown();
			for (Future<Integer> run : runs) {
				expired += run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(expired).isEqualTo(ids.size());
		for (String id : ids) {
			assertThat(status(id)).isEqualTo(AssignmentStatus.EXPIRED);
			assertThat(actions(id)).as("expiry activities of " + id).containsOnlyOnce("assignment.expired");
		}
		List<ScheduleDocument> schedules = this.mongo.findAll(ScheduleDocument.class);
		assertThat(schedules).allSatisfy(schedule -> assertThat(schedule.getBookings())
			.noneMatch(booking -> ids.contains(booking.assignmentId())));
	}

}
