package org.hromada.claim;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.hromada.support.TestUser;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What partners and coordinators do with claims, and what a claim reveals: nothing until
 * a coordinator confirms it; then the holder's partners see the need's restricted fields,
 * and its contact while the claim is active, each reveal in the activity log.
 */
class ClaimLifecycleTests extends ClaimTestSupport {

	private static final String NEED = "query($id: ID!) { aidRequest(id: $id) { version status description contact { phone } "
			+ "location { latitude } claimState claimOrganizationKey claim { id status } } }";

	@Test
	void anUnconfirmedClaimRevealsNothingAndAConfirmedOneRevealsWhileActiveEachRevealLogged() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		String need = need(coordinator, pcode);
		String key = newOrganization();
		Person partner = partnerOf(key);
		Person stranger = partnerOf(newOrganization());
		String claim = claimed(partner, need);

		GraphQlTester.Response pending = read(partner, need);
		pending.path("aidRequest.claimState").entity(String.class).isEqualTo("PENDING");
		pending.path("aidRequest.claim.id").entity(String.class).isEqualTo(claim);
		pending.path("aidRequest.contact").valueIsNull();
		pending.path("aidRequest.location").valueIsNull();
		pending.path("aidRequest.description").valueIsNull();
		assertThat(revealed(need)).isEmpty();

		change(coordinator, "confirmClaim", Map.of("id", claim, "note", "Known to us"));
		GraphQlTester.Response confirmed = read(partner, need);
		confirmed.path("aidRequest.contact.phone").entity(String.class).isEqualTo(PHONE);
		confirmed.path("aidRequest.location.latitude").entity(Double.class).isEqualTo(46.48);
		confirmed.path("aidRequest.description")
			.entity(String.class)
			.satisfies(text -> assertThat(text).contains("Bondar"));
		assertThat(revealed(need)).hasSize(3)
			.allSatisfy(summary -> assertThat(summary).contains("revealed to organisation " + key));
		GraphQlTester.Response other = read(stranger, need);
		other.path("aidRequest.contact").valueIsNull();
		other.path("aidRequest.claim").valueIsNull();
		other.path("aidRequest.claimOrganizationKey").entity(String.class).isEqualTo(key);

		// Met under the confirmed claim: the need stays the organisation's, its contact
		// does not.
		for (String status : List.of("TRIAGED", "ASSIGNED", "IN_PROGRESS", "FULFILLED")) {
			long version = read(coordinator, need).path("aidRequest.version").entity(Long.class).get();
			coordinator.client()
				.documentName("changeAidRequestStatus")
				.variable("input", Map.of("id", need, "version", version, "status", status))
				.execute()
				.path("changeAidRequestStatus.userErrors")
				.entityList(Object.class)
				.hasSize(0);
		}
		GraphQlTester.Response met = read(partner, need);
		met.path("aidRequest.claimState").entity(String.class).isEqualTo("COMPLETED");
		met.path("aidRequest.claim.status").entity(String.class).isEqualTo("COMPLETED");
		met.path("aidRequest.contact").valueIsNull();
		met.path("aidRequest.description").entity(String.class).satisfies(text -> assertThat(text).contains("Bondar"));
	}

	@Test
	void aReleasedClaimHidesTheContactAgainAndFreesTheNeed() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		String need = need(coordinator, pcode);
		Person partner = partnerOf(newOrganization());
		String claim = claimed(partner, need);
		change(coordinator, "confirmClaim", Map.of("id", claim));
		read(partner, need).path("aidRequest.contact.phone").entity(String.class).isEqualTo(PHONE);

		change(partner, "releaseClaim", Map.of("id", claim, "reason", "Our truck broke down"))
			.path("releaseClaim.claim.status")
			.entity(String.class)
			.isEqualTo("RELEASED");
		GraphQlTester.Response released = read(partner, need);
		released.path("aidRequest.contact").valueIsNull();
		released.path("aidRequest.location").valueIsNull();
		released.path("aidRequest.claimState").entity(String.class).isEqualTo("UNCLAIMED");
		claimed(partnerOf(newOrganization()), need);
	}

	@Test
	void coordinatorsConfirmRejectAndTransferOnlyInTheirCommunities() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person elsewhere = coordinatorOf(newCommunity("ACCESSIBLE"));
		String need = need(coordinator, pcode);
		String first = newOrganization();
		String second = newOrganization();
		Person holder = partnerOf(first);
		String claim = claimed(holder, need);

		elsewhere.client()
			.documentName("confirmClaim")
			.variable("input", Map.of("id", claim))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)));
		// A partner cannot confirm their own claim.
		holder.client()
			.documentName("confirmClaim")
			.variable("input", Map.of("id", claim))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)));

		GraphQlTester.Response transferred = change(coordinator, "transferClaim",
				Map.of("id", claim, "organizationKey", second, "reason", "Second org has the material"));
		transferred.path("transferClaim.claim.status").entity(String.class).isEqualTo("CONFIRMED");
		transferred.path("transferClaim.claim.organizationKey").entity(String.class).isEqualTo(second);
		transferred.path("transferClaim.claim.aidRequest.claimOrganizationKey").entity(String.class).isEqualTo(second);
		// The former holder no longer reaches the claim.
		holder.client()
			.documentName("releaseClaim")
			.variable("input", Map.of("id", claim, "reason", "Mine"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)));

		change(coordinator, "rejectClaim", Map.of("id", claim, "reason", "Duplicate effort"))
			.path("rejectClaim.claim.status")
			.entity(String.class)
			.isEqualTo("REJECTED");
		List<Map<String, Object>> again = errors(
				coordinator.client().documentName("confirmClaim").variable("input", Map.of("id", claim)).execute(),
				"confirmClaim");
		assertThat(again).singleElement()
			.satisfies(error -> assertThat(error).containsEntry("code", "INVALID_TRANSITION"));
		claimed(holder, need);
	}

	@Test
	void coordinatorsFilterNeedsByClaimStateAndOrganisation() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		String confirmedNeed = need(coordinator, pcode);
		String pendingNeed = need(coordinator, pcode);
		String unclaimedNeed = need(coordinator, pcode);
		String key = newOrganization();
		Person partner = partnerOf(key);
		change(coordinator, "confirmClaim", Map.of("id", claimed(partner, confirmedNeed)));
		claimed(partnerOf(newOrganization()), pendingNeed);

		assertThat(ids(coordinator, Map.of("communities", List.of(pcode), "claimStates", List.of("CONFIRMED"))))
			.containsExactly(confirmedNeed);
		assertThat(ids(coordinator, Map.of("communities", List.of(pcode), "claimStates", List.of("UNCLAIMED"))))
			.containsExactly(unclaimedNeed);
		assertThat(ids(coordinator, Map.of("communities", List.of(pcode), "claimOrganizationKey", key)))
			.containsExactly(confirmedNeed);
		assertThat(
				ids(coordinator, Map.of("communities", List.of(pcode), "claimStates", List.of("PENDING", "CONFIRMED"))))
			.containsExactlyInAnyOrder(confirmedNeed, pendingNeed);
	}

	@Test
	void badClaimsAreUserErrorsAtTheirField() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		String need = need(coordinator, pcode);
		Person partner = partnerOf(newOrganization());
		assertThat(errors(partner.client()
			.documentName("claimAidRequest")
			.variable("input", Map.of("aidRequestId", need, "provides", "", "deliverBy", "2020-01-01T00:00:00Z"))
			.execute(), "claimAidRequest")).extracting(error -> error.get("path").toString())
			.contains("[input, provides]");
		assertThat(errors(partner.client()
			.documentName("claimAidRequest")
			.variable("input", Map.of("aidRequestId", need, "provides", "Tarps", "deliverBy", "2020-01-01T00:00:00Z"))
			.execute(), "claimAidRequest")).singleElement()
			.satisfies(error -> assertThat(error.get("path").toString()).isEqualTo("[input, deliverBy]"));
		// A partner of an organisation Hromada does not know.
		assertThat(errors(claim(partnerOf("unknown-org"), need), "claimAidRequest")).singleElement()
			.satisfies(error -> assertThat(error).containsEntry("code", "NOT_FOUND"));
		// A partner claiming for another organisation.
		partner.client()
			.documentName("claimAidRequest")
			.variable("input",
					Map.of("aidRequestId", need, "organizationKey", "sample-relief", "provides", "Tarps", "deliverBy",
							"2099-01-01T00:00:00Z"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)));
	}

	private List<String> ids(Person caller, Map<String, Object> filter) {
		return caller.client()
			.document(
					"query($filter: AidRequestFilter) { aidRequests(filter: $filter, first: 50) { edges { node { id } } } }")
			.variable("filter", filter)
			.execute()
			.path("aidRequests.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private static GraphQlTester.Response read(Person caller, String need) {
		return caller.client().document(NEED).variable("id", need).execute();
	}

	/** Summaries of the reveals logged for the need. */
	private List<String> revealed(String need) {
		return as(TestUser.ADMIN).document(
				"query($id: ID!) { activities(filter: { entityId: $id }, first: 100) { edges { node { action summary } } } }")
			.variable("id", need)
			.execute()
			.path("activities.edges[*].node")
			.entityList(Map.class)
			.get()
			.stream()
			.filter(node -> "access.revealed".equals(node.get("action")))
			.map(node -> (String) node.get("summary"))
			.toList();
	}

}
