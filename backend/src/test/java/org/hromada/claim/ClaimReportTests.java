package org.hromada.claim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 3W export and the status reports name the organisation that holds each confirmed
 * claim; a pending claim is nobody's work yet.
 */
class ClaimReportTests extends ClaimTestSupport {

	@Test
	void theThreeWExportAndTheStatusReportNameTheOrganisationOfEachConfirmedClaim() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		String confirmedNeed = need(coordinator, pcode);
		String pendingNeed = need(coordinator, pcode);
		String key = newOrganization();
		change(coordinator, "confirmClaim", Map.of("id", claimed(partnerOf(key), confirmedNeed)));
		String pendingKey = newOrganization();
		claimed(partnerOf(pendingKey), pendingNeed);

		List<String> rows = Arrays.asList(download(pcode).split("\r\n"));
		assertThat(rows).filteredOn(row -> row.contains("need-" + confirmedNeed))
			.singleElement()
			.satisfies(row -> assertThat(row).startsWith("Organisation " + key + ",Organisation " + key + ","));
		assertThat(rows).noneMatch(row -> row.contains("need-" + pendingNeed) || row.contains(pendingKey));

		coordinator.client()
			.document("query($c: [String!]) { statusOverview(filter: { communities: $c }) "
					+ "{ needs { claimedBy { organizationKey organizationName needs { value } } } } }")
			.variable("c", List.of(pcode))
			.execute()
			.path("statusOverview.needs.claimedBy[*].organizationKey")
			.entityList(String.class)
			.containsExactly(key)
			.path("statusOverview.needs.claimedBy[0].organizationName")
			.entity(String.class)
			.isEqualTo("Organisation " + key)
			.path("statusOverview.needs.claimedBy[0].needs.value")
			.entity(Long.class)
			.isEqualTo(1L);
	}

	private String download(String pcode) {
		String path = as(TestUser.ADMIN)
			.document("query($c: [String!]) { threeWExport(filter: { communities: $c }) { downloadPath } }")
			.variable("c", List.of(pcode))
			.execute()
			.path("threeWExport.downloadPath")
			.entity(String.class)
			.get();
		byte[] body = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeaders(headers -> headers.setBearerAuth(TestTokens.accessToken(TestUser.ADMIN)))
			.build()
			.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		return new String(body, StandardCharsets.UTF_8);
	}

}
