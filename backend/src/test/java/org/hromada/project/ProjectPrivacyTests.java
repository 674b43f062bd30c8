package org.hromada.project;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

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

	private static final String DEEP_QUERY = "query($id: ID!) { project(id: $id) { title "
			+ "linkedAidRequests { title reporter { displayName } reporterName statusHistory { note } "
			+ "contact { phone } location { latitude } } "
			+ "milestones { assignments { volunteer { displayName contact { phone } } } } } }";

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

	@Test
	void noPersonalDataReachesAPartnerThroughLinkedNeedsOrMilestoneAssignmentsButTheCoordinatorSeesIt()
			throws Exception {
		String reporterName = "Olena Shevchuk";
		String volunteerName = "Taras Melnyk";
		String volunteerPhone = "+380 50 999 88 77";
		HttpGraphQlTester reporter = person("volunteer-" + UUID.randomUUID(), reporterName);
		reporter.document("{ myVolunteerProfile { id } }").execute();
		String need = reporter
			.document("mutation($input: LogAidRequestInput!) { logAidRequest(input: $input) { aidRequest { id } } }")
			.variable("input",
					Map.of("clientRequestId", UUID.randomUUID().toString(), "communityPcode", IRPIN, "sector",
							"EDUCATION", "title", "Classroom windows broken", "peopleAffected", Map.of("total", 40),
							"urgency", "SOON", "location", Map.of("latitude", 50.5277, "longitude", 30.2411), "contact",
							Map.of("name", "Iryna Bondar", "phone", PHONE)))
			.execute()
			.path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
		as(TestUser.COORDINATOR_KYIV).documentName("changeAidRequestStatus")
			.variable("input", Map.of("id", need, "version", 0, "status", "TRIAGED", "note", "Spoke with Iryna Bondar"))
			.execute()
			.path("changeAidRequestStatus.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		String volunteerId = "volunteer-" + UUID.randomUUID();
		HttpGraphQlTester volunteer = person(volunteerId, volunteerName);
		volunteer.document("{ myVolunteerProfile { id } }").execute();
		volunteer.documentName("updateMyProfile")
			.variable("input", Map.of("version", 0, "contact", Map.of("phone", volunteerPhone)))
			.execute()
			.path("updateMyProfile.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		Map<String, Object> input = school(IRPIN, newOrganization(as(TestUser.ADMIN)));
		input.put("linkedAidRequestIds", List.of(need));
		String project = create(as(TestUser.COORDINATOR_KYIV), input);
		String milestone = as(TestUser.COORDINATOR_KYIV)
			.document("mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { milestone { id } } }")
			.variable("input", Map.of("projectId", project, "version", 0, "title", "Windows"))
			.execute()
			.path("addMilestone.milestone.id")
			.entity(String.class)
			.get();
		Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(48, ChronoUnit.HOURS);
		String assignment = as(TestUser.COORDINATOR_KYIV).documentName("assignVolunteer")
			.variable("input",
					Map.of("task", Map.of("kind", "MILESTONE", "id", milestone), "volunteerId", volunteerId, "window",
							Map.of("start", start.toString(), "end", start.plus(4, ChronoUnit.HOURS).toString())))
			.execute()
			.path("assignVolunteer.assignment.id")
			.entity(String.class)
			.get();
		volunteer.documentName("respondToAssignment")
			.variable("input", Map.of("id", assignment, "accept", true))
			.execute()
			.path("respondToAssignment.userErrors")
			.entityList(Object.class)
			.hasSize(0);

		JsonNode partner = read(TestTokens.accessToken(TestUser.PARTNER_RELIEF), DEEP_QUERY, project);
		assertThat(partner.at("/errors").isMissingNode()).as(partner.toString()).isTrue();
		assertThat(partner.at("/data/project/linkedAidRequests/0/title").asString())
			.isEqualTo("Classroom windows broken");
		assertThat(partner.toString()).doesNotContain(PHONE, volunteerPhone, "Bondar", "Shevchuk", "Melnyk", "50.5277");

		JsonNode coordinator = read(TestTokens.accessToken(TestUser.COORDINATOR_KYIV), DEEP_QUERY, project)
			.at("/data/project");
		JsonNode linked = coordinator.at("/linkedAidRequests/0");
		assertThat(linked.at("/contact/phone").asString()).isEqualTo(PHONE);
		assertThat(linked.at("/reporterName").asString()).isEqualTo(reporterName);
		assertThat(linked.at("/reporter/displayName").asString()).isEqualTo(reporterName);
		assertThat(linked.at("/location/latitude").asDouble()).isEqualTo(50.5277);
		assertThat(linked.at("/statusHistory").toString()).contains("Spoke with Iryna Bondar");
		JsonNode assigned = coordinator.at("/milestones/0/assignments/0/volunteer");
		assertThat(assigned.at("/displayName").asString()).isEqualTo(volunteerName);
		assertThat(assigned.at("/contact/phone").asString()).isEqualTo(volunteerPhone);
	}

	private HttpGraphQlTester person(String subject, String name) {
		return withToken(TestTokens.accessToken(TestUser.VOLUNTEER_IRPIN,
				claims -> claims.subject(subject).claim("name", name).claim("communities", List.of(IRPIN))));
	}

	private JsonNode read(TestUser user, String id) throws Exception {
		return read(TestTokens.accessToken(user), QUERY, id);
	}

	private JsonNode read(String token, String query, String id) {
		return postJson(token, query, Map.of("id", id));
	}

}
