package org.hromada.project;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.project.ProjectFixtures.IRPIN;
import static org.hromada.project.ProjectFixtures.RELIEF;
import static org.hromada.project.ProjectFixtures.create;
import static org.hromada.project.ProjectFixtures.newOrganization;
import static org.hromada.project.ProjectFixtures.school;

/**
 * Partners read every project without personal data, also through its linked needs, and
 * the partners of the organisations on a project see the project in full.
 */
class ProjectPrivacyTests extends IntegrationTest {

	private static final String PHONE = "+380 67 555 12 34";

	private static final String QUERY = "query($id: ID!) { project(id: $id) { title "
			+ "linkedAidRequests { title contact { phone name } location { latitude } description } "
			+ "statusHistory { reason } damageAssessment { assessedBy } fundingEntries { note amount { amountMinor } } } }";

	private String needId;

	@BeforeEach
	void logANeed() {
		this.needId = as(TestUser.VOLUNTEER_IRPIN)
			.document("mutation($input: LogAidRequestInput!) { logAidRequest(input: $input) { aidRequest { id } } }")
			.variable("input",
					Map.of("clientRequestId", UUID.randomUUID().toString(), "communityPcode", IRPIN, "sector",
							"EDUCATION", "title", "School children without classrooms", "description",
							"Mother Iryna Bondar, flat 7", "peopleAffected", Map.of("total", 300), "urgency", "SOON",
							"location", Map.of("latitude", 50.5211, "longitude", 30.2433), "contact",
							Map.of("name", "Iryna Bondar", "phone", PHONE)))
			.execute()
			.path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
	}

	private String projectFundedBy(String organization) {
		Map<String, Object> input = school(IRPIN, organization);
		input.put("linkedAidRequestIds", List.of(this.needId));
		String id = create(as(TestUser.COORDINATOR_KYIV), input);
		as(TestUser.COORDINATOR_KYIV).documentName("recordFunding")
			.variable("input",
					Map.of("clientRequestId", UUID.randomUUID().toString(), "projectId", id, "organizationKey",
							organization, "kind", "COMMITMENT", "amount", Map.of("amountMinor", 500, "currency", "UAH"),
							"note", "Agreed with Petro Kovalenko"))
			.execute()
			.path("recordFunding.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		return id;
	}

	@Test
	void aPartnerOfAnotherOrganisationSeesNoPersonalDataAnywhereInAProject() throws Exception {
		String id = projectFundedBy(newOrganization(as(TestUser.ADMIN)));
		JsonNode body = read(TestUser.PARTNER_RELIEF, id);
		String text = body.toString();
		assertThat(text).doesNotContain(PHONE, "Bondar", "Kovalenko", "50.5211");
		JsonNode project = body.at("/data/project");
		assertThat(project.at("/title").asString()).isEqualTo("School No. 3 roof and windows");
		assertThat(project.at("/linkedAidRequests/0/title").asString()).isEqualTo("School children without classrooms");
		assertThat(project.at("/linkedAidRequests/0/contact").isNull()).isTrue();
		assertThat(project.at("/linkedAidRequests/0/location").isNull()).isTrue();
		assertThat(project.at("/damageAssessment/assessedBy").isNull()).isTrue();
		assertThat(project.at("/fundingEntries/0/note").isNull()).isTrue();
		assertThat(project.at("/fundingEntries/0/amount/amountMinor").asLong()).isEqualTo(500);
		List<String> withheld = body.at("/extensions/withheld")
			.findValues("path")
			.stream()
			.map(JsonNode::toString)
			.toList();
		assertThat(withheld).contains("[\"project\",\"linkedAidRequests\",0,\"contact\"]",
				"[\"project\",\"linkedAidRequests\",0,\"location\"]",
				"[\"project\",\"damageAssessment\",\"assessedBy\"]", "[\"project\",\"fundingEntries\",0,\"note\"]");
	}

	@Test
	void aPartnerOfAnOrganisationOnTheProjectSeesItInFullButNotTheNeedsContacts() throws Exception {
		String id = projectFundedBy(RELIEF);
		JsonNode body = read(TestUser.PARTNER_RELIEF, id);
		JsonNode project = body.at("/data/project");
		assertThat(project.at("/damageAssessment/assessedBy").asString()).isEqualTo("Engineer Petro Kovalenko");
		assertThat(project.at("/fundingEntries/0/note").asString()).isEqualTo("Agreed with Petro Kovalenko");
		assertThat(project.at("/linkedAidRequests/0/contact").isNull()).isTrue();
		assertThat(body.toString()).doesNotContain(PHONE, "Bondar");
	}

	@Test
	void theCoordinatorOfTheCommunitySeesTheLinkedNeedsInFull() throws Exception {
		String id = projectFundedBy(RELIEF);
		JsonNode project = read(TestUser.COORDINATOR_KYIV, id).at("/data/project");
		assertThat(project.at("/linkedAidRequests/0/contact/phone").asString()).isEqualTo(PHONE);
		assertThat(project.at("/damageAssessment/assessedBy").asString()).isEqualTo("Engineer Petro Kovalenko");
	}

	@Test
	void aVolunteerOfAnotherCommunityDoesNotReachTheLinkedNeeds() throws Exception {
		String id = projectFundedBy(RELIEF);
		JsonNode body = read(TestUser.VOLUNTEER_KHARKIV, id);
		assertThat(body.at("/data/project/linkedAidRequests").size()).isZero();
		assertThat(body.toString()).doesNotContain(PHONE, "Bondar", "Kovalenko");
	}

	private JsonNode read(TestUser user, String id) throws Exception {
		String body = http().mutate()
			.defaultHeaders(headers -> headers.setBearerAuth(TestTokens.accessToken(user)))
			.build()
			.post()
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", QUERY, "variables", Map.of("id", id)))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return JsonMapper.builder().build().readTree(body);
	}

}
