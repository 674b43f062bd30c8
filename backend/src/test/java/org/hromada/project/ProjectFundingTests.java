package org.hromada.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.project.ProjectFixtures.IRPIN;
import static org.hromada.project.ProjectFixtures.RELIEF;
import static org.hromada.project.ProjectFixtures.create;
import static org.hromada.project.ProjectFixtures.newOrganization;
import static org.hromada.project.ProjectFixtures.school;

class ProjectFundingTests extends IntegrationTest {

	@Autowired
	private MongoTemplate mongo;

	private static Map<String, Object> funding(String projectId, String organizationKey, String kind, long amount,
			String currency) {
		return new java.util.HashMap<>(
				Map.of("clientRequestId", UUID.randomUUID().toString(), "projectId", projectId, "organizationKey",
						organizationKey, "kind", kind, "amount", Map.of("amountMinor", amount, "currency", currency)));
	}

	@Test
	void concurrentFundingLosesNoEntryAndTotalsEqualTheSumOfTheEntries() throws Exception {
		String other = newOrganization(as(TestUser.ADMIN));
		String id = create(as(TestUser.ADMIN), school(IRPIN, RELIEF, other));
		int calls = 30;
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Callable<GraphQlTester.Response>> tasks = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				long amount = 1000 + i;
				String kind = (i % 3 == 0) ? "DISBURSEMENT" : "COMMITMENT";
				if (i % 2 == 0) {
					tasks.add(() -> as(TestUser.PARTNER_RELIEF).documentName("recordFunding")
						.variable("input", funding(id, RELIEF, kind, amount, "UAH"))
						.execute());
				}
				else {
					String currency = (i % 5 == 0) ? "EUR" : "UAH";
					tasks.add(() -> as(TestUser.COORDINATOR_KYIV).documentName("recordFunding")
						.variable("input", funding(id, other, kind, amount, currency))
						.execute());
				}
			}
			for (Future<GraphQlTester.Response> future : pool.invokeAll(tasks)) {
				future.get()
					.path("recordFunding.userErrors")
					.entityList(Object.class)
					.hasSize(0)
					.path("recordFunding.created")
					.entity(Boolean.class)
					.isEqualTo(true);
			}
		}
		finally {
			pool.shutdownNow();
		}
		GraphQlTester.Response project = as(TestUser.ADMIN).documentName("project").variable("id", id).execute();
		List<Map<String, Object>> entries = project.path("project.fundingEntries")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(entries).hasSize(calls);
		List<Map<String, Object>> totals = project.path("project.fundingTotals")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		for (Map<String, Object> total : totals) {
			String currency = (String) total.get("currency");
			long committed = sum(entries, currency, "COMMITMENT");
			long disbursed = sum(entries, currency, "DISBURSEMENT");
			assertThat(((Number) total.get("committedMinor")).longValue()).as(currency).isEqualTo(committed);
			assertThat(((Number) total.get("disbursedMinor")).longValue()).as(currency).isEqualTo(disbursed);
			long budget = ((Number) total.get("budgetMinor")).longValue();
			assertThat(((Number) total.get("gapMinor")).longValue()).isEqualTo(Math.max(0, budget - committed));
		}
		assertThat(entries.stream().mapToLong(e -> ((Number) amount(e).get("amountMinor")).longValue()).sum())
			.isEqualTo(java.util.stream.LongStream.range(0, calls).map(i -> 1000 + i).sum());
		project.path("project.version").entity(Long.class).isEqualTo((long) calls);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> amount(Map<String, Object> entry) {
		return (Map<String, Object>) entry.get("amount");
	}

	private static long sum(List<Map<String, Object>> entries, String currency, String kind) {
		return entries.stream()
			.filter(e -> kind.equals(e.get("kind")) && currency.equals(amount(e).get("currency")))
			.mapToLong(e -> ((Number) amount(e).get("amountMinor")).longValue())
			.sum();
	}

	@Test
	void aRetryWithTheSameClientRequestIdReturnsTheFirstEntryAndRecordsNothing() {
		String id = create(as(TestUser.ADMIN), school(IRPIN, RELIEF));
		Map<String, Object> input = funding(id, RELIEF, "COMMITMENT", 25_000_00L, "UAH");
		input.put("note", "First tranche");
		String entry = as(TestUser.PARTNER_RELIEF).documentName("recordFunding")
			.variable("input", input)
			.execute()
			.path("recordFunding.created")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("recordFunding.project.fundingTotals[1].gapMinor")
			.entity(Long.class)
			.isEqualTo(975_000_00L)
			.path("recordFunding.entry.id")
			.entity(String.class)
			.get();
		as(TestUser.PARTNER_RELIEF).documentName("recordFunding")
			.variable("input", input)
			.execute()
			.path("recordFunding.created")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("recordFunding.entry.id")
			.entity(String.class)
			.isEqualTo(entry)
			.path("recordFunding.project.fundingEntries")
			.entityList(Object.class)
			.hasSize(1);
		input.put("amount", Map.of("amountMinor", 1, "currency", "UAH"));
		as(TestUser.PARTNER_RELIEF).documentName("recordFunding")
			.variable("input", input)
			.execute()
			.path("recordFunding.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("DUPLICATE");
	}

	@Test
	void aRetryAfterTheActivityAppendFailedCompletesTheLogOnce() {
		String id = create(as(TestUser.ADMIN), school(IRPIN, RELIEF));
		Map<String, Object> input = funding(id, RELIEF, "COMMITMENT", 10_000_00L, "UAH");
		as(TestUser.PARTNER_RELIEF).documentName("recordFunding")
			.variable("input", input)
			.execute()
			.path("recordFunding.created")
			.entity(Boolean.class)
			.isEqualTo(true);
		Query logged = Query.query(Criteria.where("entityId").is(id).and("action").is("project.funding.recorded"));
		assertThat(this.mongo.count(logged, "activities")).isEqualTo(1);
		// As if the first call stored the entry and failed appending the activity.
		this.mongo.remove(logged, "activities");
		for (int retry = 0; retry < 2; retry++) {
			as(TestUser.PARTNER_RELIEF).documentName("recordFunding")
				.variable("input", input)
				.execute()
				.path("recordFunding.created")
				.entity(Boolean.class)
				.isEqualTo(false);
		}
		assertThat(this.mongo.count(logged, "activities")).isEqualTo(1);
	}

	@Test
	void racingRetriesOfOneCallRecordOneEntry() throws Exception {
		String id = create(as(TestUser.ADMIN), school(IRPIN, RELIEF));
		Map<String, Object> input = funding(id, RELIEF, "DISBURSEMENT", 7_500_00L, "UAH");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Boolean>> retries = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				retries.add(() -> as(TestUser.PARTNER_RELIEF).documentName("recordFunding")
					.variable("input", input)
					.execute()
					.path("recordFunding.created")
					.entity(Boolean.class)
					.get());
			}
			List<Boolean> created = new ArrayList<>();
			for (Future<Boolean> future : pool.invokeAll(retries)) {
				created.add(future.get());
			}
			assertThat(created).containsExactlyInAnyOrder(true, false, false, false);
		}
		finally {
			pool.shutdownNow();
		}
		as(TestUser.ADMIN).documentName("project")
			.variable("id", id)
			.execute()
			.path("project.fundingEntries")
			.entityList(Object.class)
			.hasSize(1)
			.path("project.fundingTotals[1].disbursedMinor")
			.entity(Long.class)
			.isEqualTo(7_500_00L);
	}

	@Test
	void aPartnerRecordsOnlyForTheirOwnOrganisation() {
		String other = newOrganization(as(TestUser.ADMIN));
		String id = create(as(TestUser.ADMIN), school(IRPIN, RELIEF, other));
		as(TestUser.PARTNER_RELIEF).documentName("recordFunding")
			.variable("input", funding(id, other, "COMMITMENT", 100, "UAH"))
			.execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("FORBIDDEN"))
			.verify();
		as(TestUser.ADMIN).documentName("project")
			.variable("id", id)
			.execute()
			.path("project.fundingEntries")
			.entityList(Object.class)
			.hasSize(0)
			.path("project.version")
			.entity(Long.class)
			.isEqualTo(0L);
		as(TestUser.ADMIN).document("{ activities(filter: { actorId: \"" + TestUser.PARTNER_RELIEF.subject()
				+ "\", entityId: \"Mutation.recordFunding\" }, first: 100) { edges { node { action communityPcode } } } }")
			.execute()
			.path("activities.edges[*].node.action")
			.entityList(String.class)
			.contains("access.denied");
	}

	@Test
	void badFundingIsRefusedAndNothingIsWritten() {
		String stranger = newOrganization(as(TestUser.ADMIN));
		Map<String, Object> input = school(IRPIN, RELIEF);
		input.put("organizations", List.of(Map.of("organizationKey", RELIEF, "roles", List.of("FUNDING")),
				Map.of("organizationKey", stranger, "roles", List.of("IMPLEMENTING"))));
		String id = create(as(TestUser.ADMIN), input);
		assertRefused(funding(id, RELIEF, "COMMITMENT", -100, "UAH"), "amount", "amountMinor");
		assertRefused(funding(id, RELIEF, "COMMITMENT", 0, "UAH"), "amount", "amountMinor");
		assertRefused(funding(id, RELIEF, "COMMITMENT", 1_000_000_000_000_001L, "UAH"), "amount", "amountMinor");
		assertRefused(funding(id, RELIEF, "COMMITMENT", 100, "ABC"), "amount", "currency");
		Map<String, Object> ancient = funding(id, RELIEF, "COMMITMENT", 100, "UAH");
		ancient.put("date", "1999-12-31T00:00:00Z");
		assertRefused(ancient, "date");
		Map<String, Object> longNote = funding(id, RELIEF, "COMMITMENT", 100, "UAH");
		longNote.put("note", "x".repeat(501));
		assertRefused(longNote, "note");
		assertRefused(funding(id, stranger, "COMMITMENT", 100, "UAH"), "organizationKey");
		assertRefused(funding(id, "no-such-org", "COMMITMENT", 100, "UAH"), "organizationKey");
		as(TestUser.ADMIN).documentName("project")
			.variable("id", id)
			.execute()
			.path("project.fundingEntries")
			.entityList(Object.class)
			.hasSize(0)
			.path("project.version")
			.entity(Long.class)
			.isEqualTo(0L);
	}

	@Test
	void aProjectsMoneyIsInAtMostTwentyCurrenciesSoItsTotalsStayWithinTheirDeclaredSize() {
		// The school's budget is in UAH and EUR; 18 more currencies of funding fit.
		String id = create(as(TestUser.ADMIN), school(IRPIN, RELIEF));
		List<String> others = List.of("USD", "GBP", "PLN", "CHF", "SEK", "NOK", "DKK", "CZK", "HUF", "RON", "BGN",
				"CAD", "AUD", "JPY", "NZD", "MDL", "GEL", "TRY");
		for (String currency : others) {
			as(TestUser.ADMIN).documentName("recordFunding")
				.variable("input", funding(id, RELIEF, "COMMITMENT", 100, currency))
				.execute()
				.path("recordFunding.userErrors")
				.entityList(Object.class)
				.hasSize(0);
		}
		assertRefused(funding(id, RELIEF, "COMMITMENT", 100, "ILS"), "amount", "currency");
		as(TestUser.ADMIN).documentName("recordFunding")
			.variable("input", funding(id, RELIEF, "DISBURSEMENT", 50, "USD"))
			.execute()
			.path("recordFunding.project.fundingTotals")
			.entityList(Object.class)
			.hasSize(20);
	}

	@Test
	void aBudgetChangeMovesTheGapAndAFunderWithEntriesKeepsItsRole() {
		String id = create(as(TestUser.COORDINATOR_KYIV), school(IRPIN, RELIEF));
		as(TestUser.PARTNER_RELIEF).documentName("recordFunding")
			.variable("input", funding(id, RELIEF, "COMMITMENT", 400_000_00L, "UAH"))
			.execute()
			.path("recordFunding.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		as(TestUser.COORDINATOR_KYIV).documentName("updateProject")
			.variable("input",
					Map.of("id", id, "version", 1, "budget",
							List.of(Map.of("amountMinor", 300_000_00L, "currency", "UAH"))))
			.execute()
			.path("updateProject.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("updateProject.project.fundingTotals")
			.entityList(FundingTotals.class)
			.containsExactly(new FundingTotals("UAH", 300_000_00L, 400_000_00L, 0, 0L));
		as(TestUser.COORDINATOR_KYIV).documentName("updateProject")
			.variable("input",
					Map.of("id", id, "version", 2, "organizations",
							List.of(Map.of("organizationKey", RELIEF, "roles", List.of("IMPLEMENTING")))))
			.execute()
			.path("updateProject.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "organizations");
		as(TestUser.ADMIN)
			.document("{ activities(filter: { entityId: \"" + id + "\" }) { edges { node { action summary } } } }")
			.execute()
			.path("activities.edges[*].node.action")
			.entityList(String.class)
			.contains("project.funding.recorded", "project.updated");
	}

	@Test
	void fundingGapFilterFindsProjectsStillShortOfMoney() {
		String pcode = newCommunity("ACCESSIBLE");
		Map<String, Object> small = school(pcode, RELIEF);
		small.put("budget", List.of(Map.of("amountMinor", 1000, "currency", "UAH")));
		String funded = create(as(TestUser.ADMIN), small);
		String open = create(as(TestUser.ADMIN), school(pcode, RELIEF));
		as(TestUser.ADMIN).documentName("recordFunding")
			.variable("input", funding(funded, RELIEF, "COMMITMENT", 1000, "UAH"))
			.execute()
			.path("recordFunding.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		as(TestUser.PARTNER_RELIEF).documentName("projects")
			.variable("filter",
					Map.of("communities", List.of(pcode), "fundingGapAbove",
							Map.of("amountMinor", 0, "currency", "UAH")))
			.execute()
			.path("projects.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(open);
		as(TestUser.PARTNER_RELIEF).documentName("projects")
			.variable("filter",
					Map.of("communities", List.of(pcode), "fundingGapAbove",
							Map.of("amountMinor", 0, "currency", "USD")))
			.execute()
			.path("projects.edges")
			.entityList(Object.class)
			.hasSize(0);
	}

	private void assertRefused(Map<String, Object> input, String... field) {
		List<String> path = new ArrayList<>(List.of("input"));
		path.addAll(List.of(field));
		as(TestUser.ADMIN).documentName("recordFunding")
			.variable("input", input)
			.execute()
			.path("recordFunding.project")
			.valueIsNull()
			.path("recordFunding.userErrors[0].path")
			.entityList(String.class)
			.satisfies(actual -> assertThat(actual).containsExactlyElementsOf(path));
	}

}
