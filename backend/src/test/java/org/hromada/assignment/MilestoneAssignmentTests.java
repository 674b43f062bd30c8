package org.hromada.assignment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.hromada.support.MongoCommandCounter;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Volunteers on rebuilding projects: a milestone is a task like a need, its assignments
 * show on the milestone for those who may list assignments, and a page of projects loads
 * them in one query.
 */
class MilestoneAssignmentTests extends AssignmentTestSupport {

	private static final String MILESTONE_ASSIGNMENTS = "query($id: ID!) { project(id: $id) { milestones { id "
			+ "assignments { id status volunteerId task { kind id title } } } } }";

	@Autowired
	MongoCommandCounter commands;

	@Test
	void aVolunteerCanBeAssignedToAMilestoneAndTheMilestoneShowsIt() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of());
		String project = project(coordinator, pcode);
		String milestone = milestone(coordinator, project, "Roof");

		String assignment = assign(coordinator, milestoneOffer(milestone, volunteer.id(), 48));
		respond(volunteer, assignment, true, null);

		List<Map<String, Object>> shown = coordinator.client()
			.document(MILESTONE_ASSIGNMENTS)
			.variable("id", project)
			.execute()
			.path("project.milestones[0].assignments")
			.entityList(Object.class)
			.get()
			.stream()
			.map(item -> (Map<String, Object>) item)
			.toList();
		assertThat(shown).singleElement().satisfies(item -> {
			assertThat(item).containsEntry("id", assignment)
				.containsEntry("status", "ACCEPTED")
				.containsEntry("volunteerId", volunteer.id());
			assertThat((Map<String, Object>) item.get("task")).containsEntry("kind", "MILESTONE")
				.containsEntry("id", milestone)
				.containsEntry("title", "Roof");
		});
		as(TestUser.PARTNER_RELIEF).document(MILESTONE_ASSIGNMENTS)
			.variable("id", project)
			.execute()
			.path("project.milestones[0].assignments")
			.entityList(Object.class)
			.hasSize(0);
		as(TestUser.ADMIN).document(MILESTONE_ASSIGNMENTS)
			.variable("id", project)
			.execute()
			.path("project.milestones[0].assignments[*].id")
			.entityList(String.class)
			.containsExactly(assignment);
	}

	@Test
	void aCompletedMilestoneTakesNoNewAssignments() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of());
		String project = project(coordinator, pcode);
		String milestone = milestone(coordinator, project, "Windows");
		coordinator.client()
			.documentName("completeMilestone")
			.variable("input", Map.of("projectId", project, "version", 1, "milestoneId", milestone))
			.execute()
			.path("completeMilestone.userErrors")
			.entityList(Object.class)
			.hasSize(0);

		coordinator.client()
			.documentName("assignVolunteer")
			.variable("input", milestoneOffer(milestone, volunteer.id(), 48))
			.execute()
			.path("assignVolunteer.assignment")
			.valueIsNull()
			.path("assignVolunteer.userErrors[0].path")
			.entityList(String.class)
			.contains("task");
	}

	@Test
	void milestoneAssignmentsOfAPageAreLoadedInOneQuery() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		for (int i = 0; i < 20; i++) {
			milestone(coordinator, project(coordinator, pcode), "Step " + i);
		}

		int small = commandsForPage(coordinator, pcode, 2);
		int large = commandsForPage(coordinator, pcode, 20);

		assertThat(large).isLessThanOrEqualTo(small);
	}

	private int commandsForPage(Person coordinator, String pcode, int first) {
		this.commands.reset();
		coordinator.client()
			.document("query($c: [String!], $first: Int) { projects(filter: { communities: $c }, first: $first) "
					+ "{ edges { node { milestones { assignments(first: 1) { id } } } } } }")
			.variable("c", List.of(pcode))
			.variable("first", first)
			.execute()
			.path("projects.edges")
			.entityList(Object.class)
			.hasSize(first);
		return this.commands.count();
	}

	static Map<String, Object> milestoneOffer(String milestone, String volunteerId, long startInHours) {
		Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(startInHours, ChronoUnit.HOURS);
		return Map.of("task", Map.of("kind", "MILESTONE", "id", milestone), "volunteerId", volunteerId, "window",
				Map.of("start", start.toString(), "end", start.plus(4, ChronoUnit.HOURS).toString()), "description",
				"Carry roofing sheets");
	}

	static String project(Person coordinator, String pcode) {
		return coordinator.client()
			.document("mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } "
					+ "userErrors { message } } }")
			.variable("input",
					Map.of("communityPcode", pcode, "title", "School roof", "sector", "EDUCATION", "assetCategory",
							"EDUCATION", "projectType", "REHABILITATION"))
			.execute()
			.path("createProject.project.id")
			.entity(String.class)
			.get();
	}

	static String milestone(Person coordinator, String project, String title) {
		return coordinator.client()
			.document("mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { milestone { id } "
					+ "userErrors { message } } }")
			.variable("input", Map.of("projectId", project, "version", 0, "title", title))
			.execute()
			.path("addMilestone.milestone.id")
			.entity(String.class)
			.get();
	}

}
