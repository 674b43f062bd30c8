package org.hromada.volunteer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Volunteer profiles: created from the token on first use, changed by the volunteer,
 * shown in full to the volunteer, their coordinators and admins, and to other volunteers
 * by name only.
 */
class VolunteerProfileTests extends IntegrationTest {

	@Test
	void theFirstCallCreatesTheProfileFromTheTokenAndLaterCallsFollowItsCommunities() {
		String pcode = newCommunity("ACCESSIBLE");
		String other = newCommunity("ACCESSIBLE");
		String subject = "volunteer-" + UUID.randomUUID();
		volunteer(subject, List.of(pcode))
			.document("{ myVolunteerProfile { id displayName communities status vetting "
					+ "maxActiveAssignments weeklyHoursCap } }")
			.execute()
			.path("myVolunteerProfile")
			.entity(Map.class)
			.isEqualTo(Map.of("id", subject, "displayName", "Volunteer " + subject, "communities", List.of(pcode),
					"status", "ACTIVE", "vetting", "UNVETTED", "maxActiveAssignments", 3, "weeklyHoursCap", 40));
		volunteer(subject, List.of(pcode, other)).document("{ myVolunteerProfile { communities } }")
			.execute()
			.path("myVolunteerProfile.communities")
			.entityList(String.class)
			.containsExactly(pcode, other);
	}

	@Test
	void aVolunteerChangesTheirProfileAndBadValuesAreRefusedWithNothingWritten() {
		String pcode = newCommunity("ACCESSIBLE");
		String subject = "volunteer-" + UUID.randomUUID();
		HttpGraphQlTester client = volunteer(subject, List.of(pcode));
		client.document("{ myVolunteerProfile { id } }").execute();
		Map<String, Object> input = new HashMap<>();
		input.put("version", 0);
		input.put("skills", List.of("FIRST_AID", "DRIVING"));
		input.put("languages", List.of("uk", "en"));
		input.put("weeklyAvailability", List.of(Map.of("day", "SATURDAY", "start", "09:00", "end", "17:00")));
		input.put("availableDates", List.of(Map.of("from", "2027-01-01T00:00:00Z", "to", "2027-03-01T00:00:00Z")));
		input.put("maxActiveAssignments", 2);
		input.put("weeklyHoursCap", 12);
		input.put("contact", Map.of("phone", "+380 50 111 22 33"));
		client.documentName("updateMyProfile")
			.variable("input", input)
			.execute()
			.path("updateMyProfile.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("updateMyProfile.volunteer.skills")
			.entityList(String.class)
			.containsExactly("FIRST_AID", "DRIVING")
			.path("updateMyProfile.volunteer.weeklyHoursCap")
			.entity(Integer.class)
			.isEqualTo(12);

		Map<String, Object> bad = new HashMap<>();
		bad.put("version", 1);
		bad.put("languages", List.of("Ukrainian"));
		bad.put("maxActiveAssignments", 0);
		bad.put("weeklyAvailability", List.of(Map.of("day", "MONDAY", "start", "18:00", "end", "08:00")));
		bad.put("homeCommunityPcode", "UA0000000");
		client.documentName("updateMyProfile")
			.variable("input", bad)
			.execute()
			.path("updateMyProfile.volunteer")
			.valueIsNull()
			.path("updateMyProfile.userErrors[*].path")
			.entityList(Object.class)
			.hasSize(4);
		client.documentName("updateMyProfile")
			.variable("input", Map.of("version", 0, "displayName", "Stale"))
			.execute()
			.path("updateMyProfile.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("CONFLICT");
		client.document("{ myVolunteerProfile { version maxActiveAssignments languages } }")
			.execute()
			.path("myVolunteerProfile")
			.entity(Map.class)
			.isEqualTo(Map.of("version", 1, "maxActiveAssignments", 2, "languages", List.of("uk", "en")));
	}

	@Test
	void otherVolunteersSeeANameOnlyCoordinatorsOfTheCommunityTheDetailsAndContact() {
		String pcode = newCommunity("ACCESSIBLE");
		String subject = "volunteer-" + UUID.randomUUID();
		HttpGraphQlTester owner = volunteer(subject, List.of(pcode));
		owner.document("{ myVolunteerProfile { id } }").execute();
		owner.documentName("updateMyProfile")
			.variable("input",
					Map.of("version", 0, "skills", List.of("MEDICAL"), "contact", Map.of("phone", "+380 50 111 22 33"),
							"location", Map.of("latitude", 50.5, "longitude", 30.2)))
			.execute();
		String query = "query($id: ID!) { volunteer(id: $id) { displayName skills contact { phone } location { latitude } "
				+ "maxActiveAssignments } }";

		Map<?, ?> byNeighbour = volunteer("volunteer-" + UUID.randomUUID(), List.of(pcode)).document(query)
			.variable("id", subject)
			.execute()
			.path("volunteer")
			.entity(Map.class)
			.get();
		assertThat(byNeighbour.get("displayName")).isEqualTo("Volunteer " + subject);
		assertThat(byNeighbour.get("skills")).isNull();
		assertThat(byNeighbour.get("contact")).isNull();
		assertThat(byNeighbour.get("location")).isNull();

		HttpGraphQlTester coordinator = withToken(TestTokens.accessToken(TestUser.COORDINATOR_KYIV,
				claims -> claims.subject("coordinator-" + UUID.randomUUID()).claim("communities", List.of(pcode))));
		Map<?, ?> byCoordinator = coordinator.document(query)
			.variable("id", subject)
			.execute()
			.path("volunteer")
			.entity(Map.class)
			.get();
		assertThat(byCoordinator.get("skills")).isEqualTo(List.of("MEDICAL"));
		assertThat(byCoordinator.get("contact")).isEqualTo(Map.of("phone", "+380 50 111 22 33"));

		as(TestUser.COORDINATOR_KHARKIV).document(query)
			.variable("id", subject)
			.execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("FORBIDDEN"))
			.verify();
	}

	@Test
	void volunteersAreFilteredBySkillsLanguageVettingAndAvailabilityWithinTheCallersCommunities() {
		String pcode = newCommunity("ACCESSIBLE");
		String driver = profile(pcode, Map.of("skills", List.of("DRIVING", "LOGISTICS"), "languages", List.of("uk"),
				"availableDates", List.of(Map.of("from", "2027-01-01T00:00:00Z", "to", "2027-02-01T00:00:00Z"))));
		String medic = profile(pcode, Map.of("skills", List.of("MEDICAL"), "languages", List.of("en")));
		HttpGraphQlTester coordinator = withToken(TestTokens.accessToken(TestUser.COORDINATOR_KYIV,
				claims -> claims.subject("coordinator-" + UUID.randomUUID()).claim("communities", List.of(pcode))));
		String query = "query($filter: VolunteerFilter) { volunteers(filter: $filter, first: 50) { edges { node { id } } } }";
		assertThat(ids(coordinator, query, Map.of("community", pcode))).containsExactlyInAnyOrder(driver, medic);
		assertThat(ids(coordinator, query, Map.of("community", pcode, "skills", List.of("DRIVING", "MEDICAL"))))
			.isEmpty();
		assertThat(ids(coordinator, query,
				Map.of("community", pcode, "skills", List.of("DRIVING", "MEDICAL"), "skillMatch", "ANY")))
			.containsExactlyInAnyOrder(driver, medic);
		assertThat(ids(coordinator, query, Map.of("community", pcode, "language", "en"))).containsExactly(medic);
		assertThat(ids(coordinator, query, Map.of("community", pcode, "availableFrom", "2027-01-10T08:00:00Z",
				"availableTo", "2027-01-10T12:00:00Z")))
			.containsExactly(driver);
		assertThat(ids(coordinator, query, Map.of("community", pcode, "vetting", "VETTED"))).isEmpty();
		assertThat(ids(as(TestUser.COORDINATOR_KHARKIV), query, Map.of("community", pcode))).isEmpty();
	}

	@Test
	void aVolunteerCannotFilterOthersByFieldsTheyMayNotRead() {
		String pcode = newCommunity("ACCESSIBLE");
		String medic = profile(pcode, Map.of("skills", List.of("MEDICAL"), "languages", List.of("en"), "availableDates",
				List.of(Map.of("from", "2027-01-01T00:00:00Z", "to", "2027-02-01T00:00:00Z"))));
		HttpGraphQlTester neighbour = volunteer("volunteer-" + UUID.randomUUID(), List.of(pcode));
		String query = "query($filter: VolunteerFilter) { volunteers(filter: $filter, first: 50) { edges { node { id } } } }";
		assertThat(ids(neighbour, query, Map.of("community", pcode))).contains(medic);
		for (Map<String, Object> filter : List.<Map<String, Object>>of(Map.of("skills", List.of("MEDICAL")),
				Map.of("language", "en"), Map.of("vetting", "UNVETTED"),
				Map.of("availableFrom", "2027-01-10T08:00:00Z"),
				Map.of("availableFrom", "2027-01-10T08:00:00Z", "availableTo", "2027-01-10T12:00:00Z"))) {
			System.out.println("DEBUG " + filter + " -> "
					+ neighbour.document(query).variable("filter", filter).execute().returnResponse());
			neighbour.document(query)
				.variable("filter", filter)
				.execute()
				.errors()
				.expect(error -> error.getErrorType().toString().equals("BAD_REQUEST")
						&& error.getMessage().contains("Only coordinators and administrators"))
				.verify()
				.path("volunteers.edges")
				.entityList(Object.class)
				.hasSize(0);
		}
	}

	private String profile(String pcode, Map<String, Object> changes) {
		String subject = "volunteer-" + UUID.randomUUID();
		HttpGraphQlTester client = volunteer(subject, List.of(pcode));
		client.document("{ myVolunteerProfile { id } }").execute();
		Map<String, Object> input = new HashMap<>(changes);
		input.put("version", 0);
		client.documentName("updateMyProfile")
			.variable("input", input)
			.execute()
			.path("updateMyProfile.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		return subject;
	}

	private static List<String> ids(HttpGraphQlTester client, String query, Map<String, Object> filter) {
		return client.document(query)
			.variable("filter", filter)
			.execute()
			.path("volunteers.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private HttpGraphQlTester volunteer(String subject, List<String> communities) {
		return withToken(TestTokens.accessToken(TestUser.VOLUNTEER_IRPIN,
				claims -> claims.subject(subject)
					.claim("name", "Volunteer " + subject)
					.claim("communities", communities)));
	}

}
