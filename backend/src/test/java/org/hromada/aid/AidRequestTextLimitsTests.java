package org.hromada.aid;

import java.util.HashMap;
import java.util.Map;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.hromada.aid.AidRequestFixtures.IRPIN;
import static org.hromada.aid.AidRequestFixtures.need;
import static org.hromada.support.TextLimits.check;

/**
 * Every free text of an aid request is stored up to its limit and refused one past it, on
 * that field: a 2,000-character description used to overflow the stack in its character
 * check.
 */
class AidRequestTextLimitsTests extends IntegrationTest {

	private static final String CONTENT = "id version title description unit contact { name }";

	@ParameterizedTest
	@CsvSource({ "title, 200, title", "description, 4000, description", "unit, 50, unit",
			"contact, 200, contact.name" })
	void loggedContentIsStoredUpToItsLimit(String field, int limit, String stored) {
		check(limit, value -> log(with(need(IRPIN), field, value)), "logAidRequest",
				"logAidRequest.aidRequest." + stored, ("input." + stored).split("\\."));
	}

	@ParameterizedTest
	@CsvSource({ "title, 200, title", "description, 4000, description", "unit, 50, unit",
			"contact, 200, contact.name" })
	void updatedContentIsStoredUpToItsLimit(String field, int limit, String stored) {
		check(limit, value -> {
			String id = logged();
			Map<String, Object> input = with(new HashMap<>(Map.of("id", id, "version", 0)), field, value);
			return as(TestUser.VOLUNTEER_IRPIN)
				.document("mutation($input: UpdateAidRequestInput!) { updateAidRequest(input: $input) { "
						+ "aidRequest { " + CONTENT + " } userErrors { path code message } } }")
				.variable("input", input)
				.execute();
		}, "updateAidRequest", "updateAidRequest.aidRequest." + stored, ("input." + stored).split("\\."));
	}

	@Test
	void anOverrideReasonIsStoredUpTo500Characters() {
		check(500, reason -> coordinator("mutation($input: TriageAidRequestInput!) { triageAidRequest(input: $input) { "
				+ "aidRequest { priorityExplanation { override { reason } } } userErrors { path code message } } }",
				Map.of("id", logged(), "version", 0, "priorityOverride", "HIGH", "reason", reason)), "triageAidRequest",
				"triageAidRequest.aidRequest.priorityExplanation.override.reason", "input", "reason");
	}

	@Test
	void aStatusNoteIsStoredUpTo500Characters() {
		check(500,
				note -> coordinator(
						"mutation($input: ChangeAidRequestStatusInput!) { changeAidRequestStatus(input: $input) { "
								+ "aidRequest { statusHistory { note } } userErrors { path code message } } }",
						Map.of("id", logged(), "version", 0, "status", "CANCELLED", "note", note)),
				"changeAidRequestStatus", "changeAidRequestStatus.aidRequest.statusHistory[1].note", "input", "note");
	}

	@Test
	void aDuplicateNoteIsStoredUpTo500Characters() {
		check(500,
				note -> coordinator(
						"mutation($input: MarkDuplicateInput!) { markDuplicate(input: $input) { "
								+ "aidRequest { statusHistory { note } } userErrors { path code message } } }",
						Map.of("id", logged(), "version", 0, "duplicateOf", logged(), "note", note)),
				"markDuplicate", "markDuplicate.aidRequest.statusHistory[1].note", "input", "note");
	}

	/** The need with the field set; the contact's name stands for the contact. */
	private static Map<String, Object> with(Map<String, Object> input, String field, String value) {
		input.put(field, field.equals("contact") ? Map.of("name", value, "phone", "+380 67 123 45 67") : value);
		return input;
	}

	private GraphQlTester.Response log(Map<String, Object> input) {
		return as(TestUser.VOLUNTEER_IRPIN)
			.document("mutation($input: LogAidRequestInput!) { logAidRequest(input: $input) { aidRequest { " + CONTENT
					+ " } userErrors { path code message } } }")
			.variable("input", input)
			.execute();
	}

	private String logged() {
		return log(need(IRPIN)).path("logAidRequest.aidRequest.id").entity(String.class).get();
	}

	private GraphQlTester.Response coordinator(String document, Map<String, Object> input) {
		return as(TestUser.COORDINATOR_KYIV).document(document).variable("input", input).execute();
	}

}
