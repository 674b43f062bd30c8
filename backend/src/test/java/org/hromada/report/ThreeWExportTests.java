package org.hromada.report;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hromada.report.SeededNeeds.Need;
import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.support.TestUser.ADMIN;
import static org.hromada.support.TestUser.COORDINATOR_KYIV;
import static org.hromada.support.TestUser.PARTNER_RELIEF;
import static org.hromada.support.TestUser.VOLUNTEER_IRPIN;

/**
 * The 3W export: a table with the header and HXL hashtag rows, one row per need someone
 * responds to, no personal data, small counts suppressed for partners, one-time links
 * bound to the caller, and every download in the activity log.
 */
class ThreeWExportTests extends IntegrationTest {

	private static final List<String> HASHTAGS = List.of("#org+name", "#org+impl+name", "#org+funder+name",
			"#sector+cluster+code", "#adm1+code", "#adm1+name", "#adm2+code", "#adm3+code", "#adm3+name",
			"#activity+project+code", "#status+name", "#date+start", "#date+end", "#reached+ind", "#targeted+ind",
			"#value+budget", "#currency");

	private static final Set<String> RESPONDED = Set.of("ASSIGNED", "IN_PROGRESS", "FULFILLED", "CLOSED");

	@Autowired
	private MongoTemplate mongo;

	@Test
	void theExportOpensAsATableWithHashtagsAndOneRowPerResponse() {
		String community = newCommunity("ACCESSIBLE");
		List<Need> needs = SeededNeeds.random(community, 60, 23, Instant.now());
		seed(needs);

		String csv = download(ADMIN, link(ADMIN, community));

		assertThat(csv).startsWith("\uFEFF");
		List<List<String>> table = CsvTable.parse(csv.substring(1));
		assertThat(table.get(0)).hasSize(HASHTAGS.size()).contains("Organisation", "Hromada P-code", "People reached");
		assertThat(table.get(1)).isEqualTo(HASHTAGS);
		List<List<String>> rows = table.subList(2, table.size());
		assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(HASHTAGS.size()));
		Map<String, Need> expected = needs.stream()
			.filter(need -> RESPONDED.contains(need.status()))
			.collect(Collectors.toMap(need -> "need-" + need.id(), need -> need));
		assertThat(rows).extracting(row -> row.get(column("#activity+project+code")))
			.containsExactlyInAnyOrderElementsOf(expected.keySet());
		for (List<String> row : rows) {
			Need need = expected.get(row.get(column("#activity+project+code")));
			assertThat(row.get(column("#adm3+code"))).isEqualTo(community);
			assertThat(row.get(column("#adm1+code"))).isEqualTo("UA32");
			assertThat(row.get(column("#adm3+name"))).isEqualTo("Test");
			assertThat(row.get(column("#org+name"))).isEqualTo("Hromada volunteer network");
			assertThat(row.get(column("#status+name"))).isEqualTo(need.status());
			assertThat(row.get(column("#targeted+ind"))).isEqualTo(String.valueOf(need.total()));
			assertThat(row.get(column("#reached+ind")))
				.isEqualTo(Set.of("FULFILLED", "CLOSED").contains(need.status()) ? String.valueOf(need.total()) : "");
			assertThat(row.get(column("#date+start"))).isEqualTo(need.assignedAt().toString().substring(0, 10));
		}
		assertThat(csv).doesNotContain("+380").doesNotContain("Seeded Person");
	}

	@Test
	void projectsAppearOncePerImplementingOrganisationAndBudgetCurrencyWithNamesIntact() {
		String community = newCommunity("ACCESSIBLE");
		String builder = "builder-" + System.nanoTime();
		as(ADMIN).document("mutation($key: String!) { createOrganization(input: { key: $key, "
				+ "name: { uk: \"Відбудова, \\\"Дах\\\" і Ко\", en: \"Rebuild, \\\"Roof\\\" & Co\" }, type: NATIONAL_NGO }) "
				+ "{ userErrors { message } } }")
			.variable("key", builder)
			.execute()
			.path("createOrganization.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		String project = as(ADMIN)
			.document("mutation($input: CreateProjectInput!) { createProject(input: $input) "
					+ "{ project { id } userErrors { message } } }")
			.variable("input",
					Map.of("communityPcode", community, "title", "Water plant", "sector", "WASH", "assetCategory",
							"WATER", "projectType", "REHABILITATION", "organizations",
							List.of(Map.of("organizationKey", builder, "roles", List.of("IMPLEMENTING", "ACCOUNTABLE")),
									Map.of("organizationKey", "sample-relief", "roles", List.of("FUNDING"))),
							"budget",
							List.of(Map.of("amountMinor", 150_000_000L, "currency", "UAH"),
									Map.of("amountMinor", 5_000_050L, "currency", "EUR")),
							"peopleToBenefit", Map.of("total", 1200)))
			.execute()
			.path("createProject.project.id")
			.entity(String.class)
			.get();

		List<List<String>> table = CsvTable.parse(download(ADMIN, link(ADMIN, community)).substring(1));

		List<List<String>> rows = table.subList(2, table.size());
		assertThat(rows).hasSize(2).allSatisfy(row -> {
			assertThat(row.get(column("#activity+project+code"))).isEqualTo("project-" + project);
			assertThat(row.get(column("#org+name"))).isEqualTo("Rebuild, \"Roof\" & Co");
			assertThat(row.get(column("#org+impl+name"))).isEqualTo("Rebuild, \"Roof\" & Co");
			assertThat(row.get(column("#org+funder+name"))).isEqualTo("Sample Relief Ukraine");
			assertThat(row.get(column("#sector+cluster+code"))).isEqualTo("WSH");
			assertThat(row.get(column("#status+name"))).isEqualTo("IDENTIFICATION");
			assertThat(row.get(column("#targeted+ind"))).isEqualTo("1200");
		});
		assertThat(rows).extracting(row -> row.get(column("#value+budget")) + " " + row.get(column("#currency")))
			.containsExactlyInAnyOrder("1500000.00 UAH", "50000.50 EUR");
	}

	@Test
	void partnersGetSmallPeopleCountsSuppressedAndNoPersonalData() {
		String community = newCommunity("ACCESSIBLE");
		List<Need> needs = SeededNeeds.random(community, 60, 29, Instant.now());
		seed(needs);

		List<List<String>> table = CsvTable
			.parse(download(PARTNER_RELIEF, link(PARTNER_RELIEF, community)).substring(1));

		List<List<String>> rows = table.subList(2, table.size());
		assertThat(rows).isNotEmpty();
		for (List<String> row : rows) {
			String targeted = row.get(column("#targeted+ind"));
			assertThat(targeted.equals("<5") || Integer.parseInt(targeted) >= 5).as("targeted %s", targeted).isTrue();
			assertThat(targeted).isNotEqualTo("0");
		}
		assertThat(rows).anySatisfy(row -> assertThat(row.get(column("#targeted+ind"))).isEqualTo("<5"));
		assertThat(String.join("\n", rows.stream().map(row -> String.join(",", row)).toList())).doesNotContain("+380")
			.doesNotContain("Seeded Person");
	}

	@Test
	void aLinkWorksOnceAndOnlyForWhoeverItWasIssuedTo() {
		String community = newCommunity("ACCESSIBLE");
		String path = link(ADMIN, community);

		downloadClient(TestTokens.accessToken(COORDINATOR_KYIV)).get().uri(path).exchange().expectStatus().isNotFound();
		download(ADMIN, path);
		downloadClient(TestTokens.accessToken(ADMIN)).get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("request a new one"));
	}

	@Test
	void anExpiredLinkIsRefused() {
		String community = newCommunity("ACCESSIBLE");
		String path = link(ADMIN, community);
		this.mongo.updateMulti(new Query(), new Update().set("expiresAt", Date.from(Instant.now().minusSeconds(1))),
				"exportTickets");

		downloadClient(TestTokens.accessToken(ADMIN)).get().uri(path).exchange().expectStatus().isNotFound();
	}

	@Test
	void aDownloadWithoutATokenIsUnauthorized() {
		String path = link(ADMIN, newCommunity("ACCESSIBLE"));

		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void everyDownloadIsRecordedInTheActivityLog() {
		String community = newCommunity("ACCESSIBLE");
		seed(SeededNeeds.random(community, 10, 31, Instant.now()));
		download(PARTNER_RELIEF, link(PARTNER_RELIEF, community));

		List<Map<String, Object>> activities = as(ADMIN).document(
				"{ activities(filter: { entityType: \"ThreeWExport\" }, first: 100) { edges { node { action actorId summary } } } }")
			.execute()
			.path("activities.edges[*].node")
			.entityList(Object.class)
			.get()
			.stream()
			.map(node -> (Map<String, Object>) node)
			.toList();
		assertThat(activities).anySatisfy(activity -> {
			assertThat(activity.get("action")).isEqualTo("report.exported");
			assertThat(activity.get("actorId")).isEqualTo(PARTNER_RELIEF.subject());
			assertThat((String) activity.get("summary")).contains(community).contains("small counts suppressed");
		});
	}

	@Test
	void coordinatorsExportOnlyTheirCommunitiesAndVolunteersNothing() {
		String elsewhere = newCommunity("ACCESSIBLE");
		for (TestUser user : List.of(COORDINATOR_KYIV, VOLUNTEER_IRPIN)) {
			as(user).document("query($c: [String!]) { threeWExport(filter: { communities: $c }) { downloadPath } }")
				.variable("c", List.of(elsewhere))
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).extracting(error -> error.getErrorType().toString())
					.containsExactly("FORBIDDEN"));
		}
		assertThat(link(COORDINATOR_KYIV, "UA3214007")).startsWith("/exports/3w.csv?ticket=");
	}

	private static int column(String hashtag) {
		return HASHTAGS.indexOf(hashtag);
	}

	private String link(TestUser user, String community) {
		return downloads().link(user, Map.of("communities", List.of(community)));
	}

	private String download(TestUser user, String path) {
		return downloads().download(user, path);
	}

	private WebTestClient downloadClient(String token) {
		return downloads().client(token);
	}

	private ThreeWDownloads downloads() {
		return new ThreeWDownloads(this.port, this::as);
	}

	private void seed(List<Need> needs) {
		SeededNeeds.insert(this.mongo, needs);
	}

}
