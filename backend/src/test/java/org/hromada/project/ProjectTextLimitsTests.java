package org.hromada.project;

import java.util.HashMap;
import java.util.Map;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.hromada.project.ProjectFixtures.IRPIN;
import static org.hromada.project.ProjectFixtures.RELIEF;
import static org.hromada.project.ProjectFixtures.school;
import static org.hromada.support.TextLimits.check;

/** Every free text of a project is stored up to its limit and refused one past it. */
class ProjectTextLimitsTests extends IntegrationTest {

	private static final String ERRORS = " userErrors { path code message } } }";

	@ParameterizedTest
	@CsvSource({ "title, 200", "description, 4000", "damageAssessment.scheme, 50", "damageAssessment.assessedBy, 200",
			"externalReferences.procurementId, 100", "externalReferences.registryId, 100" })
	void projectTextsAreStoredUpToTheirLimit(String field, int limit) {
		check(limit,
				value -> admin(
						"mutation($input: CreateProjectInput!) { createProject(input: $input) { project { "
								+ "title description damageAssessment { scheme assessedBy } "
								+ "externalReferences { procurementId registryId } }" + ERRORS,
						with(school(IRPIN), field, value)),
				"createProject", "createProject.project." + field, ("input." + field).split("\\."));
	}

	@Test
	void aStatusReasonIsStoredUpTo500Characters() {
		check(500,
				reason -> admin(
						"mutation($input: ChangeProjectStatusInput!) { changeProjectStatus(input: $input) { project { "
								+ "statusHistory { reason } }" + ERRORS,
						Map.of("id", project(), "version", 0, "status", "PREPARATION", "reason", reason)),
				"changeProjectStatus", "changeProjectStatus.project.statusHistory[-1].reason", "input", "reason");
	}

	@Test
	void aMilestoneTitleIsStoredUpTo200CharactersWhenAddedOrChanged() {
		check(200, title -> addMilestone(project(), title), "addMilestone", "addMilestone.milestone.title", "input",
				"title");
		check(200, title -> {
			String projectId = project();
			String milestoneId = addMilestone(projectId, "Roof").path("addMilestone.milestone.id")
				.entity(String.class)
				.get();
			return admin(
					"mutation($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { milestone { "
							+ "title }" + ERRORS,
					Map.of("projectId", projectId, "version", 1, "milestoneId", milestoneId, "title", title));
		}, "updateMilestone", "updateMilestone.milestone.title", "input", "title");
	}

	@Test
	void aFundingNoteIsStoredUpTo500Characters() {
		check(500, note -> admin(
				"mutation($input: RecordFundingInput!) { recordFunding(input: $input) { entry { " + "note }" + ERRORS,
				Map.of("clientRequestId", java.util.UUID.randomUUID().toString(), "projectId", project(RELIEF),
						"organizationKey", RELIEF, "kind", "COMMITMENT", "amount",
						Map.of("amountMinor", 100_00, "currency", "UAH"), "note", note)),
				"recordFunding", "recordFunding.entry.note", "input", "note");
	}

	/** The input with the (possibly nested, dotted) field set. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> with(Map<String, Object> input, String field, String value) {
		String[] names = field.split("\\.");
		Map<String, Object> target = input;
		for (int i = 0; i < names.length - 1; i++) {
			Map<String, Object> nested = new HashMap<>((Map<String, Object>) target.get(names[i]));
			target.put(names[i], nested);
			target = nested;
		}
		target.put(names[names.length - 1], value);
		return input;
	}

	private String project(String... funders) {
		return ProjectFixtures.create(as(TestUser.ADMIN), school(IRPIN, funders));
	}

	private GraphQlTester.Response addMilestone(String projectId, String title) {
		return admin(
				"mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { milestone { id title }" + ERRORS,
				Map.of("projectId", projectId, "version", 0, "title", title));
	}

	private GraphQlTester.Response admin(String document, Map<String, Object> input) {
		return as(TestUser.ADMIN).document(document).variable("input", input).execute();
	}

}
