package org.hromada.project;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.project.ProjectFixtures.IRPIN;
import static org.hromada.project.ProjectFixtures.changeStatus;
import static org.hromada.project.ProjectFixtures.RELIEF;
import static org.hromada.project.ProjectFixtures.create;
import static org.hromada.project.ProjectFixtures.school;

class ProjectTests extends IntegrationTest {

	@Autowired
	private MongoTemplate mongo;

	@Test
	void coordinatorCreatesAProjectOfTheirCommunity() {
		GraphQlTester.Response response = as(TestUser.COORDINATOR_KYIV).documentName("createProject")
			.variable("input", school(IRPIN, RELIEF))
			.execute();
		response.path("createProject.userErrors").entityList(Object.class).hasSize(0);
		response.path("createProject.project.status")
			.entity(String.class)
			.isEqualTo("IDENTIFICATION")
			.path("createProject.project.clusterCode")
			.entity(String.class)
			.isEqualTo("EDU")
			.path("createProject.project.community.pcode")
			.entity(String.class)
			.isEqualTo(IRPIN)
			.path("createProject.project.organizations[0].organization.key")
			.entity(String.class)
			.isEqualTo(RELIEF)
			.path("createProject.project.fundingTotals[*].currency")
			.entityList(String.class)
			.containsExactly("EUR", "UAH")
			.path("createProject.project.fundingTotals[1].gapMinor")
			.entity(Long.class)
			.isEqualTo(1_000_000_00L)
			.path("createProject.project.damageAssessment.grade")
			.entity(String.class)
			.isEqualTo("SEVERE")
			.path("createProject.project.externalReferences.registryId")
			.entity(String.class)
			.isEqualTo("DREAM-42")
			.path("createProject.project.progress")
			.valueIsNull();
		String id = response.path("createProject.project.id").entity(String.class).get();
		as(TestUser.ADMIN)
			.document("{ activities(filter: { entityId: \"" + id + "\" }) { edges { node { action summary } } } }")
			.execute()
			.path("activities.edges[*].node.action")
			.entityList(String.class)
			.containsExactly("project.created")
			.path("activities.edges[0].node.summary")
			.entity(String.class)
			.satisfies(summary -> assertThat(summary).doesNotContain("Kovalenko"));
	}

	@Test
	void updateChangesOnlyTheGivenFieldsAndRefusesAStaleVersion() {
		String id = create(as(TestUser.COORDINATOR_KYIV), school(IRPIN, RELIEF));
		as(TestUser.COORDINATOR_KYIV).documentName("updateProject")
			.variable("input", Map.of("id", id, "version", 0, "title", "School No. 3 roof", "peopleReached", 120))
			.execute()
			.path("updateProject.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("updateProject.project.title")
			.entity(String.class)
			.isEqualTo("School No. 3 roof")
			.path("updateProject.project.peopleReached")
			.entity(Integer.class)
			.isEqualTo(120)
			.path("updateProject.project.assetCategory")
			.entity(String.class)
			.isEqualTo("EDUCATION")
			.path("updateProject.project.version")
			.entity(Long.class)
			.isEqualTo(1L);
		as(TestUser.COORDINATOR_KYIV).documentName("updateProject")
			.variable("input", Map.of("id", id, "version", 0, "title", "Lost update"))
			.execute()
			.path("updateProject.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("CONFLICT");
	}

	@Test
	void statusMovesAlongTheLifecycleWithWhoAndWhyAndHoldsReturnWhereTheyWere() {
		String id = create(as(TestUser.COORDINATOR_KYIV), school(IRPIN, RELIEF));
		long version = changeStatus(as(TestUser.COORDINATOR_KYIV), id, 0, "PREPARATION", "Design approved");
		version = changeStatus(as(TestUser.COORDINATOR_KYIV), id, version, "ON_HOLD", "Winter");
		as(TestUser.COORDINATOR_KYIV).documentName("changeProjectStatus")
			.variable("input", Map.of("id", id, "version", version, "status", "IMPLEMENTATION", "reason", "Skip"))
			.execute()
			.path("changeProjectStatus.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("INVALID_TRANSITION")
			.path("changeProjectStatus.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "status");
		version = changeStatus(as(TestUser.COORDINATOR_KYIV), id, version, "PREPARATION", "Spring");
		as(TestUser.COORDINATOR_KYIV).documentName("project")
			.variable("id", id)
			.execute()
			.path("project.status")
			.entity(String.class)
			.isEqualTo("PREPARATION")
			.path("project.heldFrom")
			.valueIsNull()
			.path("project.statusHistory[*].to")
			.entityList(String.class)
			.containsExactly("IDENTIFICATION", "PREPARATION", "ON_HOLD", "PREPARATION")
			.path("project.statusHistory[2].reason")
			.entity(String.class)
			.isEqualTo("Winter")
			.path("project.statusHistory[2].by")
			.entity(String.class)
			.isEqualTo(TestUser.COORDINATOR_KYIV.subject());
	}

	@Test
	void listsOfARecordOtherThanItsStatusHistoryAreShownWhole() {
		// Only the status history is cut to its latest 20; 30 linked needs stay 30.
		List<Map<String, Object>> items = new java.util.ArrayList<>();
		for (int i = 0; i < 30; i++) {
			items.add(Map.of("clientRequestId", java.util.UUID.randomUUID().toString(), "communityPcode", IRPIN,
					"sector", "EDUCATION", "title", "Classroom " + i, "peopleAffected", Map.of("total", 30), "urgency",
					"SOON"));
		}
		List<String> needs = as(TestUser.ADMIN)
			.document("mutation($input: LogAidRequestsInput!) { logAidRequests(input: $input) "
					+ "{ results { aidRequest { id } } } }")
			.variable("input", Map.of("items", items))
			.execute()
			.path("logAidRequests.results[*].aidRequest.id")
			.entityList(String.class)
			.hasSize(30)
			.get();
		Map<String, Object> input = school(IRPIN, RELIEF);
		input.put("linkedAidRequestIds", needs);
		String id = create(as(TestUser.COORDINATOR_KYIV), input);
		as(TestUser.COORDINATOR_KYIV)
			.document("query($id: ID!) { project(id: $id) { linkedAidRequestIds linkedAidRequests { id } } }")
			.variable("id", id)
			.execute()
			.path("project.linkedAidRequestIds")
			.entityList(String.class)
			.satisfies(ids -> assertThat(ids).containsExactlyElementsOf(needs))
			.path("project.linkedAidRequests")
			.entityList(Object.class)
			.hasSize(30);
	}

	@Test
	void aLongStatusHistoryShowsItsLatestTwentyChanges() {
		String id = create(as(TestUser.COORDINATOR_KYIV), school(IRPIN, RELIEF));
		long version = 0;
		for (int i = 0; i < 11; i++) {
			version = changeStatus(as(TestUser.COORDINATOR_KYIV), id, version, "ON_HOLD", "Hold " + i);
			version = changeStatus(as(TestUser.COORDINATOR_KYIV), id, version, "IDENTIFICATION", "Resume " + i);
		}
		as(TestUser.COORDINATOR_KYIV).documentName("project")
			.variable("id", id)
			.execute()
			.path("project.statusHistory[*].reason")
			.entityList(String.class)
			.satisfies(reasons -> assertThat(reasons).hasSize(20)
				.startsWith("Hold 1", "Resume 1")
				.endsWith("Hold 10", "Resume 10"));
	}

	@Test
	void milestonesDriveProgressAndCompleteAtAHundredPercent() {
		String id = create(as(TestUser.COORDINATOR_KYIV), school(IRPIN, RELIEF));
		GraphQlTester.Response first = as(TestUser.COORDINATOR_KYIV).documentName("addMilestone")
			.variable("input",
					Map.of("projectId", id, "version", 0, "title", "Roof", "plannedStart", "2026-04-01T00:00:00Z",
							"plannedEnd", "2026-06-01T00:00:00Z", "percentComplete", 50))
			.execute();
		first.path("addMilestone.userErrors").entityList(Object.class).hasSize(0);
		String roof = first.path("addMilestone.milestone.id").entity(String.class).get();
		GraphQlTester.Response second = as(TestUser.COORDINATOR_KYIV).documentName("addMilestone")
			.variable("input", Map.of("projectId", id, "version", 1, "title", "Windows"))
			.execute();
		second.path("addMilestone.project.progress").entity(Integer.class).isEqualTo(25);
		String windows = second.path("addMilestone.milestone.id").entity(String.class).get();
		as(TestUser.COORDINATOR_KYIV).documentName("updateMilestone")
			.variable("input",
					Map.of("projectId", id, "version", 2, "milestoneId", windows, "percentComplete", 20, "actualStart",
							"2026-05-01T00:00:00Z"))
			.execute()
			.path("updateMilestone.project.progress")
			.entity(Integer.class)
			.isEqualTo(35)
			.path("updateMilestone.milestone.actualStart")
			.entity(String.class)
			.isEqualTo("2026-05-01T00:00:00.000Z");
		as(TestUser.COORDINATOR_KYIV).documentName("completeMilestone")
			.variable("input", Map.of("projectId", id, "version", 3, "milestoneId", roof))
			.execute()
			.path("completeMilestone.milestone.completed")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("completeMilestone.milestone.percentComplete")
			.entity(Integer.class)
			.isEqualTo(100)
			.path("completeMilestone.project.progress")
			.entity(Integer.class)
			.isEqualTo(60);
		as(TestUser.COORDINATOR_KYIV).documentName("completeMilestone")
			.variable("input", Map.of("projectId", id, "version", 4, "milestoneId", roof))
			.execute()
			.path("completeMilestone.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("INVALID_TRANSITION");
		as(TestUser.ADMIN)
			.document("{ activities(filter: { entityId: \"" + id + "\" }) { edges { node { action } } } }")
			.execute()
			.path("activities.edges[*].node.action")
			.entityList(String.class)
			.satisfies(actions -> assertThat(actions).containsExactlyInAnyOrder("project.created",
					"project.milestone.added", "project.milestone.added", "project.milestone.updated",
					"project.milestone.completed"));
	}

	@Test
	void badProjectInputIsRefusedFieldByFieldAndNothingIsWritten() {
		Map<String, Object> input = school(IRPIN, RELIEF);
		input.put("title", "Bad input project");
		input.put("budget", List.of(Map.of("amountMinor", -5, "currency", "UAH"),
				Map.of("amountMinor", 10, "currency", "XYZ"), Map.of("amountMinor", 10, "currency", "UAH")));
		input.put("organizations", List.of(Map.of("organizationKey", "no-such-org", "roles", List.of("FUNDING"))));
		input.put("linkedAidRequestIds", List.of("no-such-need"));
		as(TestUser.COORDINATOR_KYIV).documentName("createProject")
			.variable("input", input)
			.execute()
			.path("createProject.project")
			.valueIsNull()
			.path("createProject.userErrors[*].path")
			.entityList(Object.class)
			.satisfies(paths -> assertThat(paths.stream().map(String::valueOf).toList()).contains(
					"[input, budget, 0, amountMinor]", "[input, budget, 1, currency]", "[input, budget, 2, currency]",
					"[input, organizations, 0, organizationKey]", "[input, linkedAidRequestIds, 0]"));
		Map<String, Object> overflowing = school(IRPIN, RELIEF);
		overflowing.put("title", "Bad input project, overflowing");
		overflowing.put("budget", List.of(Map.of("amountMinor", Long.MAX_VALUE, "currency", "UAH")));
		as(TestUser.COORDINATOR_KYIV).documentName("createProject")
			.variable("input", overflowing)
			.execute()
			.path("createProject.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "budget", "0", "amountMinor");
		assertThat(this.mongo.count(
				Query.query(Criteria.where("title").in("Bad input project", "Bad input project, overflowing")),
				"projects"))
			.as("projects stored from bad input")
			.isZero();
	}

	@Test
	void badMilestoneInputIsRefused() {
		String id = create(as(TestUser.COORDINATOR_KYIV), school(IRPIN, RELIEF));
		as(TestUser.COORDINATOR_KYIV).documentName("addMilestone")
			.variable("input",
					Map.of("projectId", id, "version", 0, "title", "Backwards", "plannedStart", "2026-06-01T00:00:00Z",
							"plannedEnd", "2026-04-01T00:00:00Z", "percentComplete", 101))
			.execute()
			.path("addMilestone.userErrors[*].path")
			.entityList(Object.class)
			.satisfies(paths -> assertThat(paths.stream().map(String::valueOf).toList())
				.containsExactlyInAnyOrder("[input, plannedEnd]", "[input, percentComplete]"));
		as(TestUser.COORDINATOR_KYIV).documentName("addMilestone")
			.variable("input", Map.of("projectId", id, "version", 0, "title", "Negative", "percentComplete", -1))
			.execute()
			.path("addMilestone.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "percentComplete");
		as(TestUser.COORDINATOR_KYIV).documentName("project")
			.variable("id", id)
			.execute()
			.path("project.milestones")
			.entityList(Object.class)
			.hasSize(0)
			.path("project.version")
			.entity(Long.class)
			.isEqualTo(0L);
	}

	@Test
	void aCoordinatorOfAnotherCommunityMayReadButNotChangeAProject() {
		String id = create(as(TestUser.COORDINATOR_KYIV), school(IRPIN, RELIEF));
		as(TestUser.COORDINATOR_KHARKIV).documentName("project")
			.variable("id", id)
			.execute()
			.path("project.title")
			.entity(String.class)
			.isEqualTo("School No. 3 roof and windows")
			.path("project.damageAssessment.assessedBy")
			.valueIsNull();
		Map<String, Object> input = new HashMap<>(Map.of("id", id, "version", 0, "title", "Taken over"));
		as(TestUser.COORDINATOR_KHARKIV).documentName("updateProject")
			.variable("input", input)
			.execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("FORBIDDEN"))
			.verify();
	}

}
