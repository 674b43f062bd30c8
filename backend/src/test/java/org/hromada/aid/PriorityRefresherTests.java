package org.hromada.aid;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hromada.activity.ActivityService;
import org.hromada.community.CommunityService;
import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.aid.AidRequestFixtures.IRPIN;
import static org.hromada.aid.AidRequestFixtures.need;

/**
 * The priority refresher, run directly with a clock days ahead and scoped to the requests
 * each test logs (the application and its store are shared by all integration tests). The
 * need logged here (URGENT becomes SOON, 40 people, 17 of them vulnerable, WASH, in
 * accessible Irpin) scores (1.2 + 1.075 + 0.6375 + 0.9 + 0.2) / 9.5 = 0.4224 (MEDIUM)
 * when logged and, with TIME_WAITING at 1.0 after 14 days, 0.5277 (HIGH: contributions
 * are rounded one by one).
 */
class PriorityRefresherTests extends IntegrationTest {

	private static final Duration FORTNIGHT = Duration.ofDays(14);

	@Autowired
	private MongoOperations mongo;

	@Autowired
	private PriorityCalculator calculator;

	@Autowired
	private Fingerprints fingerprints;

	@Autowired
	private CommunityService communities;

	@Autowired
	private PriorityRefreshSettings settings;

	@Autowired
	private Clock clock;

	@Autowired
	private ActivityService activities;

	@Autowired
	private ScheduledTaskHolder scheduledTasks;

	@Test
	void runsEveryIntervalAndFirstAnIntervalAfterStartUp() {
		assertThat(this.scheduledTasks.getScheduledTasks()).map(ScheduledTask::getTask)
			.filteredOn(task -> task.toString().endsWith("PriorityRefresher.scheduledRefresh"))
			.singleElement()
			.isInstanceOfSatisfying(FixedDelayTask.class, task -> {
				assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofMinutes(15));
				assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofMinutes(15));
			});
		assertThat(this.settings.priorityRefreshInterval()).isEqualTo(Duration.ofMinutes(15));
		assertThat(this.settings.priorityRefreshBatchSize()).isEqualTo(500);
		// What a scheduled run does, now: whatever else is stored, nothing fails.
		PriorityRefresher.Run run = refresherIn(Duration.ZERO).refresh();
		assertThat(run.failed()).isZero();
		assertThat(run.stale()).isLessThanOrEqualTo(500);
	}

	@Test
	void untouchedNeedRisesAsItWaits() {
		OffsetDateTime before = OffsetDateTime.now(this.clock).minusSeconds(1).withOffsetSameInstant(ZoneOffset.UTC);
		String id = log();
		Read logged = read(id);
		assertThat(logged.priority()).isEqualTo("MEDIUM");
		assertThat(logged.score()).isEqualTo(0.4224);
		assertThat(logged.waiting()).isEqualTo(0.0);
		assertThat(highSince(before)).doesNotContain(id);

		assertThat(refresherIn(Duration.ZERO).refresh(only(id))).isEqualTo(new PriorityRefresher.Run(0, 0, 0, 0));
		assertThat(refresherIn(FORTNIGHT).refresh(only(id))).isEqualTo(new PriorityRefresher.Run(1, 1, 0, 0));

		Read refreshed = read(id);
		assertThat(refreshed.priority()).isEqualTo("HIGH");
		assertThat(refreshed.computed()).isEqualTo("HIGH");
		assertThat(refreshed.score()).isEqualTo(0.5277);
		assertThat(refreshed.waiting()).isEqualTo(1.0);
		assertThat(refreshed.version()).as("a refresh keeps the version").isEqualTo(logged.version());
		assertThat(refreshed.title()).isEqualTo(logged.title());
		assertThat(highSince(before)).contains(id);
		// Fresh again: the next run leaves it alone.
		assertThat(refresherIn(FORTNIGHT).refresh(only(id))).isEqualTo(new PriorityRefresher.Run(0, 0, 0, 0));
		// Its level rose: one entry by the system, so that aidRequestChanged subscribers
		// see the new order (the run that found it fresh added none).
		as(TestUser.ADMIN)
			.document("{ activities(filter: { entityId: \"" + id + "\" }) { edges { node { action actorId } } } }")
			.execute()
			.path("activities.edges[*].node.action")
			.entityList(String.class)
			.containsExactly("aidRequest.priority.high", "aidRequest.logged");
	}

	@Test
	void coordinatorsOverrideStaysTheEffectivePriority() {
		String id = log();
		triage(id, read(id).version(), Map.of("priorityOverride", "LOW", "reason", "Served by a partner"))
			.path("triageAidRequest.userErrors")
			.entityList(Object.class)
			.hasSize(0);

		assertThat(refresherIn(FORTNIGHT).refresh(only(id))).isEqualTo(new PriorityRefresher.Run(1, 1, 0, 0));

		Read refreshed = read(id);
		assertThat(refreshed.priority()).isEqualTo("LOW");
		assertThat(refreshed.override()).isEqualTo("LOW");
		assertThat(refreshed.computed()).isEqualTo("HIGH");
		assertThat(refreshed.waiting()).isEqualTo(1.0);
		assertThat(refreshed.status()).isEqualTo("TRIAGED");
	}

	@Test
	void closedNeedIsNotTouched() {
		String id = log();
		long version = read(id).version();
		for (String status : List.of("TRIAGED", "ASSIGNED", "IN_PROGRESS", "FULFILLED", "CLOSED")) {
			version = as(TestUser.COORDINATOR_KYIV).documentName("changeAidRequestStatus")
				.variable("input", Map.of("id", id, "version", version, "status", status))
				.execute()
				.path("changeAidRequestStatus.aidRequest.version")
				.entity(Long.class)
				.get();
		}

		assertThat(refresherIn(FORTNIGHT).refresh(only(id))).isEqualTo(new PriorityRefresher.Run(0, 0, 0, 0));

		Read closed = read(id);
		assertThat(closed.status()).isEqualTo("CLOSED");
		assertThat(closed.version()).isEqualTo(version);
		assertThat(closed.priority()).isEqualTo("MEDIUM");
		assertThat(closed.waiting()).isEqualTo(0.0);
	}

	@Test
	void changeBetweenReadingAndWritingIsNotOverwritten() {
		String id = log();
		PriorityRefresher refresher = refresherIn(FORTNIGHT);
		List<AidRequestDocument> snapshot = refresher.stale(only(id));
		assertThat(snapshot).hasSize(1);

		Map<String, Object> change = new HashMap<>();
		change.put("id", id);
		change.put("version", snapshot.get(0).getVersion());
		change.put("title", "Water and hygiene kits");
		long changed = as(TestUser.VOLUNTEER_IRPIN).documentName("updateAidRequest")
			.variable("input", change)
			.execute()
			.path("updateAidRequest.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("updateAidRequest.aidRequest.version")
			.entity(Long.class)
			.get();

		assertThat(refresher.write(snapshot)).isEqualTo(new PriorityRefresher.Run(1, 0, 1, 0));
		Read afterLostRace = read(id);
		assertThat(afterLostRace.title()).isEqualTo("Water and hygiene kits");
		assertThat(afterLostRace.version()).isEqualTo(changed);
		assertThat(afterLostRace.priority()).isEqualTo("MEDIUM");
		assertThat(afterLostRace.waiting()).isEqualTo(0.0);

		// Retried next run, on top of the change.
		assertThat(refresher.refresh(only(id))).isEqualTo(new PriorityRefresher.Run(1, 1, 0, 0));
		Read refreshed = read(id);
		assertThat(refreshed.title()).isEqualTo("Water and hygiene kits");
		assertThat(refreshed.version()).isEqualTo(changed);
		assertThat(refreshed.priority()).isEqualTo("HIGH");
	}

	@Test
	void replicasRunningAtOnceRefreshOnce() {
		String id = log();
		long version = read(id).version();
		PriorityRefresher first = refresherIn(FORTNIGHT);
		PriorityRefresher second = refresherIn(FORTNIGHT.plusSeconds(5));
		List<AidRequestDocument> firstRead = first.stale(only(id));
		List<AidRequestDocument> secondRead = second.stale(only(id));

		assertThat(first.write(firstRead)).isEqualTo(new PriorityRefresher.Run(1, 1, 0, 0));
		assertThat(second.write(secondRead)).isEqualTo(new PriorityRefresher.Run(1, 0, 1, 0));

		Read refreshed = read(id);
		assertThat(refreshed.version()).isEqualTo(version);
		assertThat(refreshed.priority()).isEqualTo("HIGH");
	}

	/** The refresher of a replica whose clock is this far ahead of now. */
	private PriorityRefresher refresherIn(Duration ahead) {
		Clock then = Clock.offset(this.clock, ahead);
		return new PriorityRefresher(this.mongo, new AidRequestContent(this.calculator, this.fingerprints, then),
				this.communities, this.settings, then, this.activities);
	}

	private static Criteria only(String id) {
		return Criteria.where("_id").is(id);
	}

	private String log() {
		Map<String, Object> input = need(IRPIN);
		input.put("urgency", "SOON");
		return as(TestUser.VOLUNTEER_IRPIN).documentName("logAidRequest")
			.variable("input", input)
			.execute()
			.path("logAidRequest.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
	}

	@SuppressWarnings("unchecked")
	private Read read(String id) {
		Map<String, Object> request = as(TestUser.COORDINATOR_KYIV)
			.document("query($id: ID!) { aidRequest(id: $id) { version title status priority "
					+ "priorityExplanation { computed score factors { factor value } override { priority } } } }")
			.variable("id", id)
			.execute()
			.path("aidRequest")
			.entity(Map.class)
			.get();
		Map<String, Object> explanation = (Map<String, Object>) request.get("priorityExplanation");
		Map<String, Object> waiting = ((List<Map<String, Object>>) explanation.get("factors")).stream()
			.filter(factor -> factor.get("factor").equals("TIME_WAITING"))
			.findFirst()
			.orElseThrow();
		Map<String, Object> override = (Map<String, Object>) explanation.get("override");
		return new Read(((Number) request.get("version")).longValue(), (String) request.get("title"),
				(String) request.get("status"), (String) request.get("priority"), (String) explanation.get("computed"),
				((Number) explanation.get("score")).doubleValue(), ((Number) waiting.get("value")).doubleValue(),
				(override != null) ? (String) override.get("priority") : null);
	}

	/** Needs of Irpin logged since then at HIGH or above, as minPriority finds them. */
	private List<String> highSince(OffsetDateTime since) {
		return as(TestUser.COORDINATOR_KYIV).documentName("aidRequests")
			.variable("filter",
					Map.of("communities", List.of(IRPIN), "minPriority", "HIGH", "createdAfter", since.toString()))
			.variable("orderBy", "PRIORITY")
			.variable("first", 100)
			.execute()
			.path("aidRequests.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private GraphQlTester.Response triage(String id, long version, Map<String, Object> changes) {
		Map<String, Object> input = new HashMap<>(changes);
		input.put("id", id);
		input.put("version", version);
		return as(TestUser.COORDINATOR_KYIV).documentName("triageAidRequest").variable("input", input).execute();
	}

	record Read(long version, String title, String status, String priority, String computed, double score,
			double waiting, String override) {

	}

}
