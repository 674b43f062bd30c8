package org.hromada.aid;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hromada.store.GeoCells;
import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.aid.AidRequestFixtures.IRPIN;
import static org.hromada.aid.AidRequestFixtures.KHARKIV;
import static org.hromada.aid.AidRequestFixtures.need;

/**
 * Ways a caller could learn more than they may, or get an internal error instead of a
 * clear one.
 */
class AidRequestHardeningTests extends IntegrationTest {

	@Test
	void partnerCannotSearchTheWordsOfDescriptionsTheyMayNotRead() {
		Map<String, Object> input = need(IRPIN);
		input.put("description", "Family Zakharchenkivna-Probe at Lisova 7");
		String id = log(TestUser.VOLUNTEER_IRPIN, input);
		String byDescription = "{ aidRequests(first: 100, filter: { text: \"zakharchenkivna\" }) { edges { node { id } } } }";
		as(TestUser.COORDINATOR_KYIV).document(byDescription)
			.execute()
			.path("aidRequests.edges[*].node.id")
			.entityList(String.class)
			.contains(id);
		as(TestUser.PARTNER_RELIEF).document(byDescription)
			.execute()
			.path("aidRequests.edges[*].node.id")
			.entityList(String.class)
			.doesNotContain(id);
		as(TestUser.PARTNER_RELIEF)
			.document("{ aidRequests(first: 100, filter: { text: \"drinking shelter\" }) { edges { node { id } } } }")
			.execute()
			.path("aidRequests.edges[*].node.id")
			.entityList(String.class)
			.contains(id);
	}

	@Test
	void partnerSearchesAndDistancesUseTheCoarseCellOnly() {
		String pcode = newCommunity("ACCESSIBLE");
		double[] centre = GeoCells.center(GeoCells.cell(48.1, 33.5, 5));
		Map<String, Object> near = need(pcode);
		near.put("location", Map.of("latitude", centre[0] + 0.002, "longitude", centre[1]));
		Map<String, Object> far = need(pcode);
		String farCell = GeoCells.cell(centre[0] + 0.04, centre[1] + 0.02, 5);
		far.put("location", Map.of("latitude", centre[0] + 0.04, "longitude", centre[1] + 0.02));
		String nearId = log(TestUser.ADMIN, near);
		String farId = log(TestUser.ADMIN, far);
		assertThat(farCell).as("the far household is in the same coarse cell").isEqualTo(GeoCells.cell(48.1, 33.5, 5));
		GraphQlTester.Response partner = as(TestUser.PARTNER_RELIEF).document(
				"query($lat: Float!, $lon: Float!, $c: [String!]) { aidRequestsNear(point: { latitude: $lat, longitude: $lon }, "
						+ "radiusKm: 0.5, filter: { communities: $c }) { distanceKm aidRequest { id } } }")
			.variable("lat", centre[0])
			.variable("lon", centre[1])
			.variable("c", List.of(pcode))
			.execute();
		partner.path("aidRequestsNear[*].aidRequest.id")
			.entityList(String.class)
			.contains(nearId, farId)
			.path("aidRequestsNear[*].distanceKm")
			.entityList(Double.class)
			.containsExactly(0.0, 0.0);
	}

	@Test
	void notesAndOverrideReasonsAreWithheldFromPartners() {
		String id = log(TestUser.VOLUNTEER_IRPIN, need(IRPIN));
		long version = as(TestUser.COORDINATOR_KYIV).documentName("triageAidRequest")
			.variable("input",
					Map.of("id", id, "version", 0, "priorityOverride", "HIGH", "reason",
							"Mrs Kovalenko-Probe is diabetic"))
			.execute()
			.path("triageAidRequest.aidRequest.version")
			.entity(Long.class)
			.get();
		as(TestUser.COORDINATOR_KYIV).documentName("changeAidRequestStatus")
			.variable("input",
					Map.of("id", id, "version", version, "status", "CANCELLED", "note",
							"Moved to Kovalenko-Probe's sister"))
			.execute();
		String query = "{ aidRequest(id: \"" + id
				+ "\") { possibleDuplicateIds statusHistory { to note } priorityExplanation { override { priority reason } } } }";
		as(TestUser.COORDINATOR_KYIV).document(query)
			.execute()
			.path("aidRequest.statusHistory[2].note")
			.entity(String.class)
			.isEqualTo("Moved to Kovalenko-Probe's sister")
			.path("aidRequest.priorityExplanation.override.reason")
			.entity(String.class)
			.isEqualTo("Mrs Kovalenko-Probe is diabetic");
		as(TestUser.PARTNER_RELIEF).document(query)
			.execute()
			.path("aidRequest.statusHistory[2].to")
			.entity(String.class)
			.isEqualTo("CANCELLED")
			.path("aidRequest.statusHistory[2].note")
			.valueIsNull()
			.path("aidRequest.priorityExplanation.override.priority")
			.entity(String.class)
			.isEqualTo("HIGH")
			.path("aidRequest.priorityExplanation.override.reason")
			.valueIsNull()
			.path("aidRequest.possibleDuplicateIds")
			.valueIsNull();
	}

	@Test
	void negativePageSizeIsABadRequest() {
		assertBadRequest("{ aidRequests(first: -1) { edges { node { id } } } }", "first must be between 1 and 100");
	}

	@Test
	void cursorOfAnotherOrderOrAnOffsetCursorIsABadRequest() {
		log(TestUser.ADMIN, need(IRPIN));
		log(TestUser.ADMIN, need(IRPIN));
		String cursor = as(TestUser.ADMIN).document("{ aidRequests(first: 1) { pageInfo { endCursor } } }")
			.execute()
			.path("aidRequests.pageInfo.endCursor")
			.entity(String.class)
			.get();
		assertBadRequest(
				"{ aidRequests(first: 1, orderBy: NEEDED_BY, after: \"" + cursor + "\") { edges { node { id } } } }",
				"another list or order");
		String offset = Base64.getEncoder().encodeToString("O_0".getBytes());
		assertBadRequest("{ aidRequests(first: 1, after: \"" + offset + "\") { edges { node { id } } } }",
				"not a cursor");
	}

	@Test
	void implausibleDatesAndInvisibleCharactersAreRefused() {
		Map<String, Object> input = need(IRPIN);
		input.put("neededBy", "9999-12-31T23:59:59Z");
		input.put("title", "Water\u202Eretaw");
		as(TestUser.VOLUNTEER_IRPIN).documentName("logAidRequest")
			.variable("input", input)
			.execute()
			.path("logAidRequest.userErrors[*].path")
			.entityList(Object.class)
			.satisfies(paths -> assertThat(paths).map(Object::toString)
				.containsExactlyInAnyOrder("[input, neededByPlausible]", "[input, title]"));
	}

	/**
	 * A description at its bound with a line break on every line once overflowed the
	 * stack of the control-character check (an INTERNAL_ERROR instead of the need).
	 */
	@Test
	void aLongDescriptionWithManyLineBreaksIsLogged() {
		Map<String, Object> input = need(IRPIN);
		input.put("description", "d\n".repeat(2000));
		as(TestUser.VOLUNTEER_IRPIN).documentName("logAidRequest")
			.variable("input", input)
			.execute()
			.path("logAidRequest.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("logAidRequest.created")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void markingADuplicateOfAnotherCommunitysRequestLooksLikeAMissingOne() {
		String kharkiv = log(TestUser.VOLUNTEER_KHARKIV, need(KHARKIV));
		String irpin = log(TestUser.VOLUNTEER_IRPIN, need(IRPIN));
		for (String other : List.of(kharkiv, "does-not-exist")) {
			as(TestUser.COORDINATOR_KYIV).document(
					"mutation($input: MarkDuplicateInput!) { markDuplicate(input: $input) { userErrors { code path } } }")
				.variable("input", Map.of("id", irpin, "version", 0, "duplicateOf", other))
				.execute()
				.path("markDuplicate.userErrors[0].code")
				.entity(String.class)
				.isEqualTo("NOT_FOUND");
		}
	}

	private void assertBadRequest(String query, String messagePart) {
		as(TestUser.ADMIN).document(query)
			.execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("BAD_REQUEST")
					&& error.getMessage().contains(messagePart))
			.verify();
	}

	private String log(TestUser user, Map<String, Object> input) {
		return as(user).documentName("logAidRequest")
			.variable("input", new HashMap<>(input))
			.execute()
			.path("logAidRequest.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
	}

}
