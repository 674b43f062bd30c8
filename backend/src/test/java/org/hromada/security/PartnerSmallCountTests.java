package org.hromada.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a partner can list cannot rebuild the figures reports suppress: the sex and age
 * groups of needs in protection sectors are RESTRICTED, and every count from 1 to 4 of
 * one need or project is withheld as a SMALL_COUNT ("&lt;5"), while coordinators and
 * admins see the numbers.
 */
class PartnerSmallCountTests extends IntegrationTest {

	private static final String IRPIN = "UA3214007";

	private static final String PEOPLE = "peopleAffected { total girls boys women men olderWomen olderMen withDisability }";

	@Autowired
	private MongoTemplate mongo;

	@Test
	void aPartnerGetsNoSexOrAgeGroupsOfAProtectionNeedButTheCommunitysCoordinatorDoes() throws Exception {
		for (String sector : List.of("GBV", "CHILD_PROTECTION", "PROTECTION")) {
			String id = logNeed(sector, Map.of("total", 12, "girls", 6, "women", 6, "withDisability", 5));
			JsonNode partner = read(TestTokens.accessToken(TestUser.PARTNER_RELIEF), id);
			JsonNode people = partner.at("/data/aidRequest/peopleAffected");
			assertThat(people.at("/total").asInt()).as(sector + " total").isEqualTo(12);
			for (String group : List.of("girls", "women", "withDisability")) {
				assertThat(people.at("/" + group).isNull()).as(sector + " " + group).isTrue();
				assertThat(withheld(partner)).as(sector + " " + group)
					.contains(List.of("aidRequest", "peopleAffected", group) + " RESTRICTED");
			}
			JsonNode coordinator = read(TestTokens.accessToken(TestUser.COORDINATOR_KYIV), id);
			assertThat(coordinator.at("/data/aidRequest/peopleAffected/girls").asInt()).isEqualTo(6);
			assertThat(coordinator.at("/extensions/withheld").isMissingNode()).isTrue();
		}
		String water = logNeed("WASH", Map.of("total", 12, "girls", 6, "women", 6, "withDisability", 5));
		JsonNode partner = read(TestTokens.accessToken(TestUser.PARTNER_RELIEF), water);
		assertThat(partner.at("/data/aidRequest/peopleAffected/girls").asInt()).isEqualTo(6);
		assertThat(partner.at("/data/aidRequest/peopleAffected/withDisability").asInt()).isEqualTo(5);
	}

	@Test
	void aPartnerSeesCountsFromOneToFourOfANeedAsSmallCountsAndZeroAndFiveAsTheyAre() throws Exception {
		String id = logNeed("WASH",
				Map.of("total", 40, "girls", 5, "boys", 3, "women", 0, "olderWomen", 4, "withDisability", 1));
		JsonNode partner = read(TestTokens.accessToken(TestUser.PARTNER_RELIEF), id);
		JsonNode people = partner.at("/data/aidRequest/peopleAffected");
		assertThat(people.at("/total").asInt()).isEqualTo(40);
		assertThat(people.at("/girls").asInt()).isEqualTo(5);
		assertThat(people.at("/women").asInt()).isZero();
		assertThat(people.at("/men").isNull()).as("not recorded").isTrue();
		for (String group : List.of("boys", "olderWomen", "withDisability")) {
			assertThat(people.at("/" + group).isNull()).as(group).isTrue();
		}
		assertThat(withheld(partner)).containsExactlyInAnyOrder(
				List.of("aidRequest", "peopleAffected", "boys") + " SMALL_COUNT",
				List.of("aidRequest", "peopleAffected", "olderWomen") + " SMALL_COUNT",
				List.of("aidRequest", "peopleAffected", "withDisability") + " SMALL_COUNT");

		String few = logNeed("WASH", Map.of("total", 3));
		JsonNode small = read(TestTokens.accessToken(TestUser.PARTNER_RELIEF), few);
		assertThat(small.at("/data/aidRequest/peopleAffected/total").isNull()).isTrue();
		assertThat(withheld(small)).contains(List.of("aidRequest", "peopleAffected", "total") + " SMALL_COUNT");
		JsonNode admin = read(TestTokens.accessToken(TestUser.ADMIN), few);
		assertThat(admin.at("/data/aidRequest/peopleAffected/total").asInt()).isEqualTo(3);
	}

	@Test
	void aPartnerCannotWorkOutAFewPeopleFromThePriorityExplanation() throws Exception {
		// PEOPLE_AFFECTED is log10(people + 1) / log10(1001): its value alone gives 3.
		String id = logNeed("WASH", Map.of("total", 3));
		String query = "query($id: ID!) { aidRequest(id: $id) { priority priorityExplanation { computed score "
				+ "factors { factor value contribution } } } }";
		JsonNode partner = post(TestTokens.accessToken(TestUser.PARTNER_RELIEF), query, id);
		JsonNode explanation = partner.at("/data/aidRequest/priorityExplanation");
		assertThat(explanation.at("/computed").asString()).isNotEmpty();
		assertThat(explanation.at("/score").isNull()).isTrue();
		assertThat(explanation.at("/factors").isNull()).isTrue();
		assertThat(withheld(partner)).containsExactlyInAnyOrder(
				List.of("aidRequest", "priorityExplanation", "score") + " RESTRICTED",
				List.of("aidRequest", "priorityExplanation", "factors") + " RESTRICTED");
		JsonNode admin = post(TestTokens.accessToken(TestUser.ADMIN), query, id);
		assertThat(admin.at("/data/aidRequest/priorityExplanation/factors")).hasSize(6);
	}

	@Test
	void aPartnerSeesAFewAssignmentsOfANeedAsASmallCount() throws Exception {
		String id = logNeed("WASH", Map.of("total", 40));
		List<org.bson.Document> assignments = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			assignments.add(assignment(id, "COMPLETED"));
		}
		assignments.add(assignment(id, "OFFERED"));
		assignments.add(assignment(id, "ACCEPTED"));
		assignments.add(assignment(id, "IN_PROGRESS"));
		this.mongo.getCollection("assignments").insertMany(assignments);
		String query = "query($id: ID!) { aidRequest(id: $id) { assignmentCounts { offered active completed } } }";

		JsonNode partner = post(TestTokens.accessToken(TestUser.PARTNER_RELIEF), query, id);
		JsonNode counts = partner.at("/data/aidRequest/assignmentCounts");
		assertThat(counts.at("/offered").isNull()).isTrue();
		assertThat(counts.at("/active").isNull()).isTrue();
		assertThat(counts.at("/completed").asInt()).isEqualTo(5);
		assertThat(withheld(partner)).containsExactlyInAnyOrder(
				List.of("aidRequest", "assignmentCounts", "offered") + " SMALL_COUNT",
				List.of("aidRequest", "assignmentCounts", "active") + " SMALL_COUNT");
		JsonNode coordinator = post(TestTokens.accessToken(TestUser.COORDINATOR_KYIV), query, id);
		assertThat(coordinator.at("/data/aidRequest/assignmentCounts/active").asInt()).isEqualTo(2);
	}

	@Test
	void noCountFromOneToFourReachesAPartnerInAListOfNeeds() throws Exception {
		String community = newCommunity("ACCESSIBLE");
		for (int total = 0; total <= 6; total++) {
			logNeed(community, "WASH", Map.of("total", total, "girls", total / 2, "boys", total / 3));
		}
		JsonNode page = post(TestTokens.accessToken(TestUser.PARTNER_RELIEF),
				"query($id: String!) { aidRequests(first: 100, filter: { communities: [$id] }) { edges { node { "
						+ PEOPLE + " assignmentCounts { offered active completed } } } } }",
				community);
		List<JsonNode> nodes = new ArrayList<>();
		page.at("/data/aidRequests/edges").forEach(edge -> nodes.add(edge.at("/node")));
		assertThat(nodes).hasSize(7);
		for (JsonNode node : nodes) {
			List<Integer> counts = new ArrayList<>();
			node.at("/peopleAffected").forEach(value -> counts.add(value.isNull() ? null : value.asInt()));
			node.at("/assignmentCounts").forEach(value -> counts.add(value.isNull() ? null : value.asInt()));
			assertThat(counts).allSatisfy(count -> assertThat(count).satisfiesAnyOf(c -> assertThat(c).isNull(),
					c -> assertThat(c).isZero(), c -> assertThat(c).isGreaterThanOrEqualTo(5)));
		}
	}

	@Test
	void aPartnerSeesSmallCountsOfAProjectWithheldAndProtectionGroupsOnlyWhenTheirOrganisationIsOnIt()
			throws Exception {
		String id = createProject("PROTECTION", Map.of("total", 600, "girls", 280, "boys", 3), 2);
		String query = "query($id: ID!) { project(id: $id) { peopleReached peopleToBenefit { total girls boys } } }";

		JsonNode funder = post(TestTokens.accessToken(TestUser.PARTNER_RELIEF), query, id);
		JsonNode project = funder.at("/data/project");
		assertThat(project.at("/peopleToBenefit/total").asInt()).isEqualTo(600);
		assertThat(project.at("/peopleToBenefit/girls").asInt()).as("their organisation funds it").isEqualTo(280);
		assertThat(project.at("/peopleToBenefit/boys").isNull()).isTrue();
		assertThat(project.at("/peopleReached").isNull()).isTrue();
		assertThat(withheld(funder)).containsExactlyInAnyOrder(
				List.of("project", "peopleToBenefit", "boys") + " SMALL_COUNT",
				List.of("project", "peopleReached") + " SMALL_COUNT");

		JsonNode other = post(TestTokens.accessToken(TestUser.PARTNER_RELIEF,
				claims -> claims.claim("organization", "another-" + UUID.randomUUID())), query, id);
		assertThat(other.at("/data/project/peopleToBenefit/girls").isNull()).isTrue();
		assertThat(withheld(other)).contains(List.of("project", "peopleToBenefit", "girls") + " RESTRICTED",
				List.of("project", "peopleToBenefit", "boys") + " RESTRICTED");

		JsonNode volunteer = post(TestTokens.accessToken(TestUser.VOLUNTEER_IRPIN), query, id);
		assertThat(volunteer.at("/data/project/peopleReached").asInt()).isEqualTo(2);
		assertThat(volunteer.at("/data/project/peopleToBenefit/boys").asInt()).isEqualTo(3);
	}

	private String logNeed(String sector, Map<String, Object> people) {
		return logNeed(IRPIN, sector, people);
	}

	private String logNeed(String community, String sector, Map<String, Object> people) {
		Map<String, Object> input = new HashMap<>();
		input.put("clientRequestId", UUID.randomUUID().toString());
		input.put("communityPcode", community);
		input.put("sector", sector);
		input.put("title", "Support for a family");
		input.put("peopleAffected", people);
		input.put("urgency", "URGENT");
		return as(TestUser.ADMIN).documentName("logAidRequest")
			.variable("input", input)
			.execute()
			.path("logAidRequest.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
	}

	private String createProject(String sector, Map<String, Object> people, int reached) {
		Map<String, Object> input = new HashMap<>();
		input.put("communityPcode", IRPIN);
		input.put("title", "Safe space for women and girls");
		input.put("sector", sector);
		input.put("assetCategory", "OTHER");
		input.put("projectType", "REHABILITATION");
		input.put("organizations", List.of(Map.of("organizationKey", "sample-relief", "roles", List.of("FUNDING"))));
		input.put("peopleToBenefit", people);
		input.put("peopleReached", reached);
		return as(TestUser.COORDINATOR_KYIV).documentName("createProject")
			.variable("input", input)
			.execute()
			.path("createProject.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("createProject.project.id")
			.entity(String.class)
			.get();
	}

	private static org.bson.Document assignment(String needId, String status) {
		return new org.bson.Document("taskKind", "AID_REQUEST").append("taskId", needId)
			.append("communityPcode", IRPIN)
			.append("volunteerId", "volunteer-" + UUID.randomUUID())
			.append("status", status)
			.append("version", 0L);
	}

	private JsonNode read(String token, String id) throws Exception {
		return post(token, "query($id: ID!) { aidRequest(id: $id) { " + PEOPLE + " } }", id);
	}

	private JsonNode post(String token, String query, String id) {
		JsonNode json = postJson(token, query, Map.of("id", id));
		assertThat(json.has("errors")).as(json.toString()).isFalse();
		return json;
	}

	/** The withheld paths of a response, each as "[path] SENSITIVITY". */
	private static List<String> withheld(JsonNode response) {
		List<String> markers = new ArrayList<>();
		response.at("/extensions/withheld").forEach(marker -> {
			List<String> path = new ArrayList<>();
			marker.at("/path").forEach(part -> path.add(part.asString()));
			markers.add(path + " " + marker.at("/sensitivity").asString());
		});
		return markers;
	}

}
