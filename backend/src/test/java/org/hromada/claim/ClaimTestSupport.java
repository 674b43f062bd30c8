package org.hromada.claim;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Organisations, partners, coordinators and needs of one test, and claim calls. */
abstract class ClaimTestSupport extends IntegrationTest {

	static final String PHONE = "+380 67 123 45 67";

	/** A caller with a token of their own. */
	record Person(String id, HttpGraphQlTester client) {

	}

	/** Creates an organisation with a key no other test uses; returns the key. */
	String newOrganization() {
		String key = "org-" + UUID.randomUUID().toString().substring(0, 8);
		as(TestUser.ADMIN).documentName("createOrganization")
			.variable("input",
					Map.of("key", key, "name", Map.of("uk", "Організація " + key, "en", "Organisation " + key),
							"acronym", "ORG", "type", "NATIONAL_NGO"))
			.execute()
			.path("createOrganization.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		return key;
	}

	/** A partner user of the organisation. */
	Person partnerOf(String organizationKey) {
		String subject = "partner-" + UUID.randomUUID();
		return new Person(subject, withToken(TestTokens.accessToken(TestUser.PARTNER_RELIEF,
				claims -> claims.subject(subject).claim("organization", organizationKey))));
	}

	/** A coordinator serving only the community. */
	Person coordinatorOf(String pcode) {
		String subject = "coordinator-" + UUID.randomUUID();
		return new Person(subject, withToken(TestTokens.accessToken(TestUser.COORDINATOR_KYIV,
				claims -> claims.subject(subject).claim("communities", List.of(pcode)))));
	}

	/**
	 * Logs a need with a contact and an exact location in the community; returns its id.
	 */
	String need(Person coordinator, String pcode) {
		Map<String, Object> need = new HashMap<>();
		need.put("clientRequestId", UUID.randomUUID().toString());
		need.put("communityPcode", pcode);
		need.put("sector", "SHELTER_NFI");
		need.put("title", "Roof sheeting for a house");
		need.put("description", "The Bondar family, 3 Lisova St, roof hit on Tuesday");
		need.put("peopleAffected", Map.of("total", 6));
		need.put("urgency", "URGENT");
		// Far from the places other tests search near.
		need.put("location", Map.of("latitude", 46.48, "longitude", 32.11));
		need.put("contact", Map.of("name", "Petro Bondar", "phone", PHONE));
		return coordinator.client()
			.documentName("logAidRequest")
			.variable("input", need)
			.execute()
			.path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
	}

	static Map<String, Object> claimInput(String needId) {
		return Map.of("aidRequestId", needId, "provides", "Roof sheeting and two carpenters", "deliverBy",
				Instant.now().plus(7, ChronoUnit.DAYS).toString());
	}

	GraphQlTester.Response claim(Person partner, String needId) {
		return partner.client().documentName("claimAidRequest").variable("input", claimInput(needId)).execute();
	}

	/** Claims the need, expecting success; returns the claim id. */
	String claimed(Person partner, String needId) {
		GraphQlTester.Response response = claim(partner, needId);
		response.path("claimAidRequest.userErrors").entityList(Object.class).hasSize(0);
		return response.path("claimAidRequest.claim.id").entity(String.class).get();
	}

	/** Runs a claim mutation, expecting success; returns the response. */
	GraphQlTester.Response change(Person caller, String mutation, Map<String, Object> input) {
		GraphQlTester.Response response = caller.client().documentName(mutation).variable("input", input).execute();
		response.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
		return response;
	}

	static List<Map<String, Object>> errors(GraphQlTester.Response response, String mutation) {
		return response.path(mutation + ".userErrors")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

}
