package org.hromada.aid;

import java.util.List;
import java.util.Map;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.aid.AidRequestFixtures.IRPIN;
import static org.hromada.aid.AidRequestFixtures.need;

/**
 * A family's contact and exact location reach only those entitled: the coordinators of
 * its community, the volunteer who logged the need, admins. Others get null with a
 * marker, through every path.
 */
class AidRequestPrivacyTests extends IntegrationTest {

	private static final String PHONE = "+380 67 123 45 67";

	private static final String NAME = "Olena Shevchenko";

	@Test
	void coordinatorOfTheCommunityAndTheReporterSeeTheContact() {
		String id = logNeed();
		for (TestUser entitled : List.of(TestUser.COORDINATOR_KYIV, TestUser.VOLUNTEER_IRPIN, TestUser.ADMIN)) {
			read(entitled, id).path("aidRequest.contact.phone")
				.entity(String.class)
				.isEqualTo(PHONE)
				.path("aidRequest.location.latitude")
				.entity(Double.class)
				.isEqualTo(50.5218);
		}
	}

	@Test
	void partnerSeesTheNeedWithoutPersonalDataAndIsToldWhatWasWithheld() {
		String id = logNeed();
		GraphQlTester.Response response = read(TestUser.PARTNER_RELIEF, id);
		response.path("aidRequest.title")
			.entity(String.class)
			.isEqualTo("Drinking water for a shelter")
			.path("aidRequest.coarseCell")
			.hasValue()
			.path("aidRequest.contact")
			.valueIsNull()
			.path("aidRequest.location")
			.valueIsNull()
			.path("aidRequest.description")
			.valueIsNull()
			.path("aidRequest.reporterName")
			.valueIsNull();
		String body = rawRead(TestUser.PARTNER_RELIEF, id);
		assertThat(body).contains("\"withheld\"")
			.contains("CONFIDENTIAL")
			.contains("RESTRICTED")
			.doesNotContain(PHONE, NAME, "Sadova", "50.5218");
	}

	@Test
	void partnerFindsNoPersonalDataInAnyListOrSearch() {
		logNeed();
		String list = raw(TestUser.PARTNER_RELIEF, "{ aidRequests(first: 100, filter: { text: \"drinking water\" }) "
				+ "{ edges { node { title description reporterName contact { name phone } location { latitude } } } } }");
		String near = raw(TestUser.PARTNER_RELIEF,
				"{ aidRequestsNear(point: { latitude: 50.52, longitude: 30.25 }, radiusKm: 5, first: 100) "
						+ "{ distanceKm aidRequest { title description reporterName contact { name phone } location { latitude } } } }");
		for (String body : List.of(list, near)) {
			assertThat(body).contains("Drinking water")
				.doesNotContain(PHONE, NAME, "Sadova", "50.5218", "Test volunteer.irpin");
		}
	}

	@Test
	void proximitySearchCannotPinpointAHouseholdForAPartner() {
		String id = logNeed();
		String exactly = "{ aidRequestsNear(point: { latitude: 50.5218, longitude: 30.2506 }, radiusKm: 0.05, first: 100) "
				+ "{ distanceKm aidRequest { id } } }";
		as(TestUser.COORDINATOR_KYIV).document(exactly)
			.execute()
			.path("aidRequestsNear[?(@.aidRequest.id == '" + id + "')].distanceKm")
			.entityList(Double.class)
			.containsExactly(0.0);
		as(TestUser.PARTNER_RELIEF).document(exactly)
			.execute()
			.path("aidRequestsNear[*].aidRequest.id")
			.entityList(String.class)
			.doesNotContain(id);
	}

	@Test
	void volunteerOfTheCommunityWhoDidNotLogTheNeedSeesWhereButNotWhoToCall() {
		String id = as(TestUser.COORDINATOR_KYIV).documentName("logAidRequest")
			.variable("input", need(IRPIN))
			.execute()
			.path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
		read(TestUser.VOLUNTEER_IRPIN, id).path("aidRequest.contact")
			.valueIsNull()
			.path("aidRequest.location.latitude")
			.entity(Double.class)
			.isEqualTo(50.5218);
	}

	@Test
	void coordinatorOfAnotherCommunityIsRefusedAndTheAttemptIsAudited() {
		String id = logNeed();
		read(TestUser.COORDINATOR_KHARKIV, id).errors()
			.expect(error -> error.getErrorType().toString().equals("FORBIDDEN") && !error.getMessage().contains(PHONE))
			.verify();
		as(TestUser.ADMIN)
			.document("{ activities(first: 20, filter: { actorId: \"" + TestUser.COORDINATOR_KHARKIV.subject()
					+ "\" }) { edges { node { action entityId communityPcode summary } } } }")
			.execute()
			.path("activities.edges[*].node.action")
			.entityList(String.class)
			.contains("access.denied")
			.path("activities.edges[*].node.summary")
			.entityList(String.class)
			.satisfies(summaries -> assertThat(String.join(" ", summaries)).doesNotContain(PHONE, NAME));
	}

	@Test
	void withheldContactIsAuditedWithoutTheData() {
		String id = logNeed();
		read(TestUser.PARTNER_RELIEF, id);
		as(TestUser.ADMIN)
			.document("{ activities(first: 50, filter: { entityId: \"" + id + "\" }) "
					+ "{ edges { node { action actorId summary } } } }")
			.execute()
			.path("activities.edges[?(@.node.action == 'access.withheld')].node.actorId")
			.entityList(String.class)
			.contains(TestUser.PARTNER_RELIEF.subject())
			.path("activities.edges[*].node.summary")
			.entityList(String.class)
			.satisfies(summaries -> assertThat(String.join(" ", summaries)).contains("AidRequest.contact")
				.doesNotContain(PHONE, NAME));
	}

	@Test
	void listsLeaveOutOtherCommunitiesInTheQueryItself() {
		String id = logNeed();
		as(TestUser.COORDINATOR_KHARKIV)
			.document("{ aidRequests(first: 100) { edges { node { id community { pcode } } } } }")
			.execute()
			.path("aidRequests.edges[*].node.id")
			.entityList(String.class)
			.doesNotContain(id)
			.path("aidRequests.edges[*].node.community.pcode")
			.entityList(String.class)
			.satisfies(pcodes -> assertThat(pcodes).allMatch(TestUser.COORDINATOR_KHARKIV.communities()::contains));
	}

	private String logNeed() {
		return as(TestUser.VOLUNTEER_IRPIN).documentName("logAidRequest")
			.variable("input", need(IRPIN))
			.execute()
			.path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
	}

	private GraphQlTester.Response read(TestUser user, String id) {
		return as(user).documentName("aidRequest").variable("id", id).execute();
	}

	private String rawRead(TestUser user, String id) {
		return raw(user, "{ aidRequest(id: \"" + id + "\") { title description reporterName coarseCell "
				+ "contact { name phone } location { latitude longitude } } }");
	}

	private String raw(TestUser user, String query) {
		return new String(http().mutate()
			.defaultHeaders(headers -> headers.setBearerAuth(org.hromada.support.TestTokens.accessToken(user)))
			.build()
			.post()
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent());
	}

}
