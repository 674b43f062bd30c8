package org.hromada.project;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.project.ProjectFixtures.IRPIN;
import static org.hromada.project.ProjectFixtures.RELIEF;
import static org.hromada.project.ProjectFixtures.changeStatus;
import static org.hromada.project.ProjectFixtures.create;
import static org.hromada.project.ProjectFixtures.school;

/**
 * Milestones keep the lifecycle discipline of needs and assignments: a completed one
 * stays complete, a closed project's stay as they are, actual dates lie between the
 * project's start and now.
 */
class MilestoneLifecycleTests extends IntegrationTest {

	@Test
	void aCompletedMilestoneStaysAtAHundredPercentWithItsEndButItsTitleCanBeCorrected() {
		String id = create(coordinator(), school(IRPIN, RELIEF));
		String roof = addMilestone(id, 0, "Roof");
		mutate("completeMilestone", Map.of("projectId", id, "version", 1, "milestoneId", roof))
			.path("completeMilestone.userErrors")
			.entityList(Object.class)
			.hasSize(0);

		refused("updateMilestone", Map.of("projectId", id, "version", 2, "milestoneId", roof, "percentComplete", 40),
				"INVALID_TRANSITION", "percentComplete");
		Map<String, Object> clearEnd = new HashMap<>(Map.of("projectId", id, "version", 2, "milestoneId", roof));
		clearEnd.put("actualEnd", null);
		refused("updateMilestone", clearEnd, "INVALID_TRANSITION", "actualEnd");

		mutate("updateMilestone",
				Map.of("projectId", id, "version", 2, "milestoneId", roof, "title", "Roof, east wing"))
			.path("updateMilestone.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("updateMilestone.milestone.title")
			.entity(String.class)
			.isEqualTo("Roof, east wing")
			.path("updateMilestone.milestone.percentComplete")
			.entity(Integer.class)
			.isEqualTo(100)
			.path("updateMilestone.milestone.completed")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("updateMilestone.project.progress")
			.entity(Integer.class)
			.isEqualTo(100);
	}

	@Test
	void milestonesOfACompletedOrCancelledProjectCanNoLongerBeAddedChangedOrCompleted() {
		String completed = create(coordinator(), school(IRPIN, RELIEF));
		String roof = addMilestone(completed, 0, "Roof");
		long version = 1;
		for (String status : List.of("PREPARATION", "IMPLEMENTATION", "COMPLETION", "COMPLETED")) {
			version = changeStatus(coordinator(), completed, version, status, "Next phase");
		}
		String cancelled = create(coordinator(), school(IRPIN, RELIEF));
		String windows = addMilestone(cancelled, 0, "Windows");
		long cancelledVersion = changeStatus(coordinator(), cancelled, 1, "CANCELLED", "Funding withdrawn");

		for (Object[] project : List.of(new Object[] { completed, version, roof },
				new Object[] { cancelled, cancelledVersion, windows })) {
			refused("addMilestone", Map.of("projectId", project[0], "version", project[1], "title", "Late"),
					"INVALID_TRANSITION", "projectId");
			refused("updateMilestone", Map.of("projectId", project[0], "version", project[1], "milestoneId", project[2],
					"percentComplete", 80), "INVALID_TRANSITION", "projectId");
			refused("completeMilestone",
					Map.of("projectId", project[0], "version", project[1], "milestoneId", project[2]),
					"INVALID_TRANSITION", "projectId");
		}
		as(TestUser.COORDINATOR_KYIV).documentName("project")
			.variable("id", completed)
			.execute()
			.path("project.version")
			.entity(Long.class)
			.isEqualTo(version)
			.path("project.milestones[*].percentComplete")
			.entityList(Integer.class)
			.containsExactly(0);
	}

	@Test
	void milestonesOfAProjectOnHoldStillChange() {
		String id = create(coordinator(), school(IRPIN, RELIEF));
		long version = changeStatus(coordinator(), id, 0, "ON_HOLD", "Winter");
		String roof = addMilestone(id, version, "Roof");
		mutate("completeMilestone", Map.of("projectId", id, "version", version + 1, "milestoneId", roof))
			.path("completeMilestone.milestone.completed")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void actualDatesLieBetweenTheProjectsStartAndNow() {
		// The school's damage was assessed on 2026-03-01, before it was recorded: its
		// milestones may have actual dates from then on.
		String id = create(coordinator(), school(IRPIN, RELIEF));
		String roof = addMilestone(id, 0, "Roof");
		refused("completeMilestone",
				Map.of("projectId", id, "version", 1, "milestoneId", roof, "actualEnd", "2026-02-28T23:59:00Z"),
				"INVALID", "actualEnd");
		refused("completeMilestone", Map.of("projectId", id, "version", 1, "milestoneId", roof, "actualEnd",
				Instant.now().plus(Duration.ofHours(1)).toString()), "INVALID", "actualEnd");
		refused("updateMilestone", Map.of("projectId", id, "version", 1, "milestoneId", roof, "actualStart",
				Instant.now().plus(Duration.ofDays(2)).toString()), "INVALID", "actualStart");
		mutate("completeMilestone",
				Map.of("projectId", id, "version", 1, "milestoneId", roof, "actualEnd", "2026-03-02T08:00:00Z"))
			.path("completeMilestone.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("completeMilestone.milestone.actualEnd")
			.entity(String.class)
			.isEqualTo("2026-03-02T08:00:00.000Z");

		// Without a damage assessment the project starts when it is recorded; a client
		// clock a minute ahead is tolerated.
		Map<String, Object> unassessed = school(IRPIN, RELIEF);
		unassessed.remove("damageAssessment");
		String recorded = create(coordinator(), unassessed);
		String windows = addMilestone(recorded, 0, "Windows");
		refused("updateMilestone", Map.of("projectId", recorded, "version", 1, "milestoneId", windows, "actualStart",
				Instant.now().minus(Duration.ofHours(1)).toString()), "INVALID", "actualStart");
		mutate("completeMilestone",
				Map.of("projectId", recorded, "version", 1, "milestoneId", windows, "actualEnd",
						Instant.now().plus(Duration.ofMinutes(1)).toString()))
			.path("completeMilestone.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private GraphQlTester coordinator() {
		return as(TestUser.COORDINATOR_KYIV);
	}

	private String addMilestone(String projectId, long version, String title) {
		return mutate("addMilestone", Map.of("projectId", projectId, "version", version, "title", title))
			.path("addMilestone.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("addMilestone.milestone.id")
			.entity(String.class)
			.get();
	}

	private GraphQlTester.Response mutate(String mutation, Map<String, Object> input) {
		return coordinator().documentName(mutation).variable("input", input).execute();
	}

	/**
	 * Asserts the mutation is refused with one user error at the field, and nothing is
	 * returned.
	 */
	private void refused(String mutation, Map<String, Object> input, String code, String field) {
		GraphQlTester.Response response = mutate(mutation, input);
		response.path(mutation + ".milestone").valueIsNull().path(mutation + ".project").valueIsNull();
		response.path(mutation + ".userErrors[*]")
			.entityList(Map.class)
			.satisfies(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error).containsEntry("code", code)
					.containsEntry("path", List.of("input", field))));
	}

}
