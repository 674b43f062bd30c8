package org.hromada.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.hromada.report.SeededNeeds.Need;
import org.hromada.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.support.TestUser.ADMIN;
import static org.hromada.support.TestUser.COORDINATOR_KYIV;
import static org.hromada.support.TestUser.PARTNER_RELIEF;
import static org.hromada.support.TestUser.VOLUNTEER_IRPIN;

/**
 * Dashboards: figures computed by the store's aggregation pipelines match a computation
 * in plain Java over the same seeded needs; partners get small counts suppressed;
 * coordinators stay in their communities; bad filters are refused with clear errors.
 */
class StatusReportTests extends IntegrationTest {

	private static final Set<String> OPEN = Set.of("NEW", "TRIAGED", "ASSIGNED", "IN_PROGRESS");

	private static final Set<String> REACHED = Set.of("FULFILLED", "CLOSED");

	private static final String REPORT = """
			needs {
			  logged { value suppressed }
			  open { sector priority status count { value suppressed } }
			  byStatus { status count { value suppressed } }
			  peopleAffected { needs { value } total { value suppressed } withheldNeeds girls { value } women { value } men { value } }
			  peopleReached { needs { value } total { value suppressed } withheldNeeds girls { value } women { value } men { value } }
			  timeToAssigned { samples { value suppressed } medianHours p90Hours }
			  timeToFulfilled { samples { value suppressed } medianHours p90Hours }
			}
			""";

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private org.hromada.support.MongoCommandCounter commands;

	@Test
	void figuresMatchABruteForceComputationOverTheSeededNeeds() {
		String community = newCommunity("ACCESSIBLE");
		Instant now = Instant.now();
		List<Need> needs = SeededNeeds.random(community, 120, 42, now);
		seed(needs);

		GraphQlTester.Response response = as(ADMIN)
			.document("query($c: [String!]) { statusOverview(filter: { communities: $c }) { smallCountsSuppressed "
					+ REPORT + " } }")
			.variable("c", List.of(community))
			.execute();

		response.path("statusOverview.smallCountsSuppressed").entity(Boolean.class).isEqualTo(false);
		assertFigures(response, "statusOverview.needs", needs);
	}

	@Test
	void aReportCostsTheSameFewCommandsForTenOrAThousandNeeds() {
		String few = newCommunity("ACCESSIBLE");
		String many = newCommunity("ACCESSIBLE");
		seed(SeededNeeds.random(few, 10, 1, Instant.now()));
		seed(SeededNeeds.random(many, 1000, 2, Instant.now()));

		// The named community checked, two aggregations over needs, one over assignments,
		// one over projects.
		assertThat(commandsForOverviewOf(many)).isEqualTo(commandsForOverviewOf(few)).isLessThanOrEqualTo(5);
	}

	private int commandsForOverviewOf(String community) {
		this.commands.reset();
		as(ADMIN).document("query($c: [String!]) { statusOverview(filter: { communities: $c }) { " + REPORT + " } }")
			.variable("c", List.of(community))
			.execute()
			.path("statusOverview.needs.logged.value")
			.hasValue();
		return this.commands.count();
	}

	@Test
	void projectFiguresMatchABruteForceComputationOverTheSeededProjects() {
		String community = newCommunity("ACCESSIBLE");
		java.util.Random random = new java.util.Random(99);
		String[] statuses = { "IDENTIFICATION", "PREPARATION", "IMPLEMENTATION", "COMPLETED", "ON_HOLD" };
		String[] currencies = { "UAH", "EUR", "USD" };
		List<org.bson.Document> projects = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			List<org.bson.Document> totals = new ArrayList<>();
			for (String currency : currencies) {
				if (random.nextInt(3) > 0) {
					long budget = random.nextInt(3) == 0 ? 0 : 1_000 + random.nextInt(1_000_000);
					long committed = random.nextInt(1_200_000);
					totals.add(new org.bson.Document("currency", currency).append("budgetMinor", budget)
						.append("committedMinor", committed)
						.append("disbursedMinor", committed / 2)
						.append("gapMinor", (budget == 0) ? null : Math.max(0, budget - committed)));
				}
			}
			org.bson.Document project = new org.bson.Document("communityPcode", community)
				.append("title", "Seeded project")
				.append("sector", "WASH")
				.append("status", statuses[random.nextInt(statuses.length)])
				.append("fundingTotals", totals)
				.append("createdAt", new java.util.Date())
				.append("version", 0L);
			if (random.nextBoolean()) {
				project.append("progress", random.nextInt(101));
			}
			projects.add(project);
		}
		this.mongo.getCollection("projects").insertMany(projects);

		Map<String, Object> figures = as(ADMIN)
			.document("query($c: [String!]) { statusOverview(filter: { communities: $c }) { projects { "
					+ "byStatus { status count { value } averageProgress } "
					+ "money { currency projects { value } budgetMinor committedMinor disbursedMinor gapMinor "
					+ "budgetMinorExact committedMinorExact } } } }")
			.variable("c", List.of(community))
			.execute()
			.path("statusOverview.projects")
			.entity(Map.class)
			.get();

		Map<String, List<org.bson.Document>> byStatus = projects.stream()
			.collect(Collectors.groupingBy(project -> project.getString("status")));
		List<Map<String, Object>> statusRows = (List<Map<String, Object>>) figures.get("byStatus");
		assertThat(statusRows).hasSize(byStatus.size());
		for (Map<String, Object> row : statusRows) {
			List<org.bson.Document> inStatus = byStatus.get((String) row.get("status"));
			assertThat(value(row.get("count"))).isEqualTo((long) inStatus.size());
			List<Integer> progress = inStatus.stream()
				.map(project -> project.getInteger("progress"))
				.filter(Objects::nonNull)
				.toList();
			assertThat(row.get("averageProgress")).isEqualTo(progress.isEmpty() ? null
					: (int) (progress.stream().mapToLong(Integer::longValue).sum() / progress.size()));
		}
		List<Map<String, Object>> money = (List<Map<String, Object>>) figures.get("money");
		for (String currency : currencies) {
			List<org.bson.Document> totals = projects.stream()
				.flatMap(project -> project.getList("fundingTotals", org.bson.Document.class).stream())
				.filter(total -> total.getString("currency").equals(currency))
				.toList();
			Map<String, Object> row = money.stream()
				.filter(candidate -> currency.equals(candidate.get("currency")))
				.findFirst()
				.orElseThrow();
			assertThat(value(row.get("projects"))).isEqualTo((long) totals.size());
			assertThat(((Number) row.get("budgetMinor")).longValue())
				.isEqualTo(totals.stream().mapToLong(total -> total.getLong("budgetMinor")).sum());
			assertThat(((Number) row.get("committedMinor")).longValue())
				.isEqualTo(totals.stream().mapToLong(total -> total.getLong("committedMinor")).sum());
			assertThat(row.get("budgetMinorExact")).isEqualTo(String.valueOf(row.get("budgetMinor")));
			assertThat(row.get("committedMinorExact")).isEqualTo(String.valueOf(row.get("committedMinor")));
			assertThat(((Number) row.get("disbursedMinor")).longValue())
				.isEqualTo(totals.stream().mapToLong(total -> total.getLong("disbursedMinor")).sum());
			assertThat(((Number) row.get("gapMinor")).longValue()).isEqualTo(totals.stream()
				.map(total -> total.getLong("gapMinor"))
				.filter(Objects::nonNull)
				.mapToLong(Long::longValue)
				.sum());
		}
		assertThat(money).hasSize(currencies.length);
	}

	@Test
	void moneyTotalsOverTenProjectsAtTheirMaximumAreExactBeyondTheRangeOfALong() {
		// The most one project can hold: a budget of 10^15 and 1,000 funding entries of
		// 10^15 each committed and disbursed, 10^18 in all; ten of them pass 2^63 - 1.
		String community = newCommunity("ACCESSIBLE");
		long budget = org.hromada.graphql.Money.MAX_AMOUNT_MINOR;
		long funded = 1_000 * budget;
		List<org.bson.Document> projects = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			projects.add(new org.bson.Document("communityPcode", community).append("title", "Seeded project " + i)
				.append("sector", "SHELTER_NFI")
				.append("status", "IMPLEMENTATION")
				.append("fundingTotals",
						List.of(new org.bson.Document("currency", "UAH").append("budgetMinor", budget)
							.append("committedMinor", funded)
							.append("disbursedMinor", funded - i)
							.append("gapMinor", 0L),
								new org.bson.Document("currency", "EUR").append("budgetMinor", budget)
									.append("committedMinor", 0L)
									.append("disbursedMinor", 0L)
									.append("gapMinor", budget)))
				.append("createdAt", new java.util.Date())
				.append("version", 0L));
		}
		this.mongo.getCollection("projects").insertMany(projects);

		GraphQlTester.Response response = as(ADMIN)
			.document("query($c: [String!]) { statusOverview(filter: { communities: $c }) { projects { money { "
					+ "currency projects { value } budgetMinorExact committedMinorExact disbursedMinorExact "
					+ "gapMinorExact } } } }")
			.variable("c", List.of(community))
			.execute();
		response.path("statusOverview.projects.money[*].currency")
			.entityList(String.class)
			.containsExactly("EUR", "UAH")
			.path("statusOverview.projects.money[1].committedMinorExact")
			.entity(String.class)
			.isEqualTo("10000000000000000000")
			.path("statusOverview.projects.money[1].disbursedMinorExact")
			.entity(String.class)
			.isEqualTo("9999999999999999955")
			.path("statusOverview.projects.money[1].budgetMinorExact")
			.entity(String.class)
			.isEqualTo("10000000000000000")
			.path("statusOverview.projects.money[1].gapMinorExact")
			.entity(String.class)
			.isEqualTo("0")
			.path("statusOverview.projects.money[0].gapMinorExact")
			.entity(String.class)
			.isEqualTo("10000000000000000")
			.path("statusOverview.projects.money[0].projects.value")
			.entity(Long.class)
			.isEqualTo(10L);

		// The older Long field cannot hold the sum: an error that says so, not a wrong
		// number; a sum that fits is still served there.
		as(ADMIN)
			.document("query($c: [String!]) { statusOverview(filter: { communities: $c }) { projects { money { "
					+ "currency committedMinor } } } }")
			.variable("c", List.of(community))
			.execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("BAD_REQUEST")
					&& error.getMessage().contains("committedMinorExact"))
			.verify()
			.path("statusOverview")
			.pathDoesNotExist();
		as(ADMIN)
			.document("query($c: [String!]) { statusOverview(filter: { communities: $c }) { projects { money { "
					+ "currency budgetMinor } } } }")
			.variable("c", List.of(community))
			.execute()
			.path("statusOverview.projects.money[*].budgetMinor")
			.entityList(Long.class)
			.containsExactly(10 * budget, 10 * budget);
	}

	@Test
	void volunteerFiguresMatchABruteForceComputationOverTheSeededAssignments() {
		String community = newCommunity("ACCESSIBLE");
		java.util.Random random = new java.util.Random(5);
		String[] statuses = { "OFFERED", "ACCEPTED", "DECLINED", "IN_PROGRESS", "COMPLETED", "CANCELLED", "EXPIRED" };
		List<org.bson.Document> assignments = new ArrayList<>();
		Instant start = Instant.now().minus(Duration.ofDays(3));
		for (int i = 0; i < 60; i++) {
			String status = statuses[random.nextInt(statuses.length)];
			org.bson.Document assignment = new org.bson.Document("communityPcode", community)
				.append("taskKind", "AID_REQUEST")
				.append("taskId", "seeded")
				.append("sector", "WASH")
				.append("volunteerId", "volunteer-" + random.nextInt(12))
				.append("status", status)
				.append("windowStart", java.util.Date.from(start))
				.append("windowEnd", java.util.Date.from(start.plus(Duration.ofHours(4))))
				.append("version", 0L);
			if (status.equals("COMPLETED")) {
				assignment.append("hoursWorked", random.nextInt(17) / 2.0);
			}
			assignments.add(assignment);
		}
		this.mongo.getCollection("assignments").insertMany(assignments);

		Map<String, Object> volunteers = as(ADMIN)
			.document("query($c: [String!]) { statusOverview(filter: { communities: $c }) { volunteers { "
					+ "active { value } assignmentsCompleted { value } hoursWorked { value } } } }")
			.variable("c", List.of(community))
			.execute()
			.path("statusOverview.volunteers")
			.entity(Map.class)
			.get();

		List<org.bson.Document> worked = assignments.stream()
			.filter(assignment -> Set.of("ACCEPTED", "IN_PROGRESS", "COMPLETED")
				.contains(assignment.getString("status")))
			.toList();
		List<org.bson.Document> completed = worked.stream()
			.filter(assignment -> assignment.getString("status").equals("COMPLETED"))
			.toList();
		assertThat(value(volunteers.get("active")))
			.isEqualTo(worked.stream().map(assignment -> assignment.getString("volunteerId")).distinct().count());
		assertThat(value(volunteers.get("assignmentsCompleted"))).isEqualTo((long) completed.size());
		assertThat(value(volunteers.get("hoursWorked"))).isEqualTo(
				Math.round(completed.stream().mapToDouble(assignment -> assignment.getDouble("hoursWorked")).sum()));
	}

	@Test
	void aPeriodCountsOnlyTheNeedsLoggedInIt() {
		String community = newCommunity("ACCESSIBLE");
		Instant now = Instant.now();
		List<Need> needs = SeededNeeds.random(community, 80, 7, now);
		seed(needs);
		Instant from = now.minus(Duration.ofDays(20));
		Instant to = now.minus(Duration.ofDays(15));

		GraphQlTester.Response response = as(ADMIN)
			.document(
					"query($c: [String!], $from: DateTime, $to: DateTime) { statusOverview(filter: { communities: $c, "
							+ "period: { from: $from, to: $to } }) { " + REPORT + " } }")
			.variable("c", List.of(community))
			.variable("from", from.toString())
			.variable("to", to.toString())
			.execute();

		List<Need> inPeriod = needs.stream()
			.filter(need -> !need.loggedAt().isBefore(from) && need.loggedAt().isBefore(to))
			.toList();
		assertThat(inPeriod).isNotEmpty().hasSizeLessThan(needs.size());
		assertFigures(response, "statusOverview.needs", inPeriod);
	}

	@Test
	void communityStatusCoversOneCommunity() {
		String community = newCommunity("ACCESSIBLE");
		List<Need> needs = SeededNeeds.random(community, 30, 3, Instant.now());
		seed(needs);
		String id = communityId(community);

		GraphQlTester.Response response = as(ADMIN)
			.document("query($id: ID!) { communityStatus(communityId: $id) { " + REPORT + " } }")
			.variable("id", id)
			.execute();

		assertFigures(response, "communityStatus.needs", needs);
	}

	@Test
	void partnersSeeSmallCountsSuppressedNotAsZero() {
		String community = newCommunity("ACCESSIBLE");
		List<Need> needs = SeededNeeds.random(community, 3, 11, Instant.now());
		seed(needs);

		GraphQlTester.Response partner = as(PARTNER_RELIEF)
			.document("query($c: [String!]) { statusOverview(filter: { communities: $c }) { smallCountsSuppressed "
					+ REPORT + " } }")
			.variable("c", List.of(community))
			.execute();

		partner.path("statusOverview.smallCountsSuppressed").entity(Boolean.class).isEqualTo(true);
		partner.path("statusOverview.needs.logged.suppressed").entity(Boolean.class).isEqualTo(true);
		partner.path("statusOverview.needs.logged.value").valueIsNull();
		// People sums add up the totals partners read of each need, never a withheld one.
		partner.path("statusOverview.needs.peopleAffected.total.value")
			.entity(Long.class)
			.isEqualTo(needs.stream().mapToLong(Need::total).filter(total -> total >= 5).sum());
		partner.path("statusOverview.needs.peopleAffected.withheldNeeds")
			.entity(Long.class)
			.isEqualTo(needs.stream().filter(need -> need.total() < 5).count());
		List<Map<String, Object>> byStatus = partner.path("statusOverview.needs.byStatus")
			.entityList(Object.class)
			.get()
			.stream()
			.map(row -> (Map<String, Object>) row)
			.toList();
		assertThat(byStatus).isNotEmpty()
			.allSatisfy(row -> assertThat((Map<String, Object>) row.get("count")).containsEntry("suppressed", true)
				.containsEntry("value", null));
		partner.path("statusOverview.needs.timeToAssigned.medianHours").valueIsNull();

		as(ADMIN).document("query($c: [String!]) { statusOverview(filter: { communities: $c }) { " + REPORT + " } }")
			.variable("c", List.of(community))
			.execute()
			.path("statusOverview.needs.logged.value")
			.entity(Long.class)
			.isEqualTo(3L);
	}

	@Test
	@SuppressWarnings("unchecked")
	void partnersPeopleSumsAddUpOnlyWhatTheyReadOfEachNeed() {
		String community = newCommunity("ACCESSIBLE");
		List<Need> needs = SeededNeeds.random(community, 80, 17, Instant.now(),
				new String[] { "WASH", "HEALTH", "GBV", "CHILD_PROTECTION" }, 12);
		seed(needs);

		Map<String, Object> figures = partnersNeedFigures(community);

		assertPartnerPeople((Map<String, Object>) figures.get("peopleAffected"), needs);
		assertPartnerPeople((Map<String, Object>) figures.get("peopleReached"),
				needs.stream().filter(need -> REACHED.contains(need.status())).toList());
	}

	/**
	 * A partner's sums: each need's total and groups as the partner reads them, a count
	 * from 1 to 4 as 0 and the groups of protection needs not at all.
	 */
	@SuppressWarnings("unchecked")
	private static void assertPartnerPeople(Map<String, Object> people, List<Need> needs) {
		assertThat(value(people.get("total"))).isEqualTo(needs.stream().mapToLong(need -> shown(need.total())).sum());
		assertThat(((Number) people.get("withheldNeeds")).longValue())
			.isEqualTo(needs.stream().filter(need -> need.total() < 5).count())
			.isPositive();
		List<Need> breakdownShown = needs.stream()
			.filter(need -> !Set.of("GBV", "CHILD_PROTECTION").contains(need.sector()))
			.toList();
		assertThat(groupValue(people.get("girls")))
			.isEqualTo(groupSum(breakdownShown, Need::girls, StatusReportTests::shown));
		assertThat(groupValue(people.get("women")))
			.isEqualTo(groupSum(breakdownShown, Need::women, StatusReportTests::shown));
		assertThat(((Map<String, Object>) people.get("total")).get("suppressed")).isEqualTo(false);
	}

	private static long shown(Integer count) {
		return (count != null && count >= 5) ? count : 0;
	}

	/** The need figures of a partner's overview of the community. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> partnersNeedFigures(String community) {
		return as(PARTNER_RELIEF)
			.document("query($c: [String!]) { statusOverview(filter: { communities: $c }) { " + REPORT + " } }")
			.variable("c", List.of(community))
			.execute()
			.path("statusOverview.needs")
			.entity(Map.class)
			.get();
	}

	@Test
	@SuppressWarnings("unchecked")
	void partnersCannotSubtractASuppressedNeedCountFromTheTotalsTheySee() {
		String community = newCommunity("ACCESSIBLE");
		seed(SeededNeeds.random(community, 60, 21, Instant.now()));
		Map<String, Object> needs = partnersNeedFigures(community);
		Map<String, Map<String, Object>> byStatus = new java.util.HashMap<>();
		for (Map<String, Object> row : (List<Map<String, Object>>) needs.get("byStatus")) {
			byStatus.put((String) row.get("status"), (Map<String, Object>) row.get("count"));
		}
		List<Map<String, Object>> open = (List<Map<String, Object>>) needs.get("open");
		assertThat(open).as("some open counts are small")
			.anySatisfy(row -> assertThat((Map<String, Object>) row.get("count")).containsEntry("suppressed", true));
		// Each published total with its parts: never exactly one part withheld.
		for (Map.Entry<String, Map<String, Object>> status : byStatus.entrySet()) {
			List<Object> parts = open.stream()
				.filter(row -> status.getKey().equals(row.get("status")))
				.map(row -> ((Map<String, Object>) row.get("count")).get("suppressed"))
				.toList();
			if (!parts.isEmpty() && Boolean.FALSE.equals(status.getValue().get("suppressed"))) {
				assertThat(parts.stream().filter(Boolean.TRUE::equals).count()).as(status.getKey()).isNotEqualTo(1L);
			}
		}
		if (Boolean.FALSE.equals(((Map<String, Object>) needs.get("logged")).get("suppressed"))) {
			assertThat(byStatus.values().stream().filter(count -> Boolean.TRUE.equals(count.get("suppressed"))).count())
				.isNotEqualTo(1L);
		}
		Object reached = ((Map<String, Object>) ((Map<String, Object>) needs.get("peopleReached")).get("needs"))
			.get("value");
		if (reached != null) {
			long withheld = java.util.stream.Stream.of("FULFILLED", "CLOSED")
				.filter(byStatus::containsKey)
				.filter(status -> Boolean.TRUE.equals(byStatus.get(status).get("suppressed")))
				.count();
			assertThat(withheld).as("fulfilled and closed under the needs reached").isNotEqualTo(1L);
		}
	}

	@Test
	void partnersSeeZeroAndLargeCountsAsTheyAre() {
		String community = newCommunity("ACCESSIBLE");
		List<Need> needs = new ArrayList<>(SeededNeeds.random(community, 40, 5, Instant.now()));
		seed(needs);

		GraphQlTester.Response partner = as(PARTNER_RELIEF)
			.document("query($c: [String!]) { statusOverview(filter: { communities: $c, sectors: [EDUCATION] }) { "
					+ REPORT + " } }")
			.variable("c", List.of(community))
			.execute();
		partner.path("statusOverview.needs.logged.value").entity(Long.class).isEqualTo(0L);
		partner.path("statusOverview.needs.logged.suppressed").entity(Boolean.class).isEqualTo(false);

		as(PARTNER_RELIEF)
			.document("query($c: [String!]) { statusOverview(filter: { communities: $c }) { " + REPORT + " } }")
			.variable("c", List.of(community))
			.execute()
			.path("statusOverview.needs.logged.value")
			.entity(Long.class)
			.isEqualTo(40L);
	}

	@Test
	void coordinatorsSeeOnlyTheCommunitiesTheyServe() {
		String elsewhere = newCommunity("ACCESSIBLE");
		seed(SeededNeeds.random(elsewhere, 5, 13, Instant.now()));

		as(COORDINATOR_KYIV)
			.document("query($c: [String!]) { statusOverview(filter: { communities: $c }) { "
					+ "needs { logged { value } } } }")
			.variable("c", List.of(elsewhere))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(error -> error.getErrorType().toString())
				.containsExactly("FORBIDDEN"));
		as(COORDINATOR_KYIV)
			.document("query($id: ID!) { communityStatus(communityId: $id) { needs { logged { value } } } }")
			.variable("id", communityId(elsewhere))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(error -> error.getErrorType().toString())
				.containsExactly("FORBIDDEN"));
		as(COORDINATOR_KYIV).document("{ statusOverview(filter: { adm1: [\"UA63\"] }) { needs { logged { value } } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(error -> error.getErrorType().toString())
				.containsExactly("FORBIDDEN"));
	}

	@Test
	void aCoordinatorsOverviewWithoutAnAreaCoversTheirCommunitiesOnly() {
		long before = loggedInOverviewOf(COORDINATOR_KYIV);
		String elsewhere = newCommunity("ACCESSIBLE");
		seed(SeededNeeds.random(elsewhere, 6, 17, Instant.now()));
		seed(SeededNeeds.random("UA3214007", 2, 19, Instant.now()));

		assertThat(loggedInOverviewOf(COORDINATOR_KYIV)).isEqualTo(before + 2);
	}

	@Test
	void volunteersHaveNoDashboards() {
		as(VOLUNTEER_IRPIN).document("{ statusOverview { needs { logged { value } } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(error -> error.getErrorType().toString())
				.containsExactly("FORBIDDEN"));
	}

	@Test
	void badFiltersAreRefusedWithClearErrors() {
		assertBadRequest(
				"{ statusOverview(filter: { period: { from: \"2026-05-01T00:00:00Z\", to: \"2026-04-01T00:00:00Z\" } }) "
						+ "{ needs { logged { value } } } }",
				"filter.period.to must be after filter.period.from");
		assertBadRequest("{ statusOverview(filter: { communities: [\"UA0000000\"] }) { needs { logged { value } } } }",
				"filter.communities: no community has P-code UA0000000");
		assertBadRequest("{ statusOverview(filter: { adm1: [\"UA00\"] }) { needs { logged { value } } } }",
				"filter.adm1: no community lies in oblast UA00");
		as(ADMIN).document("{ communityStatus(communityId: \"none\") { needs { logged { value } } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(error -> error.getErrorType().toString())
				.containsExactly("NOT_FOUND"));
	}

	private void assertBadRequest(String document, String message) {
		as(ADMIN).document(document).execute().errors().satisfy(errors -> {
			assertThat(errors).extracting(error -> error.getErrorType().toString()).containsExactly("BAD_REQUEST");
			assertThat(errors.get(0).getMessage()).isEqualTo(message);
		});
	}

	private long loggedInOverviewOf(org.hromada.support.TestUser user) {
		return as(user).document("{ statusOverview { needs { logged { value } } } }")
			.execute()
			.path("statusOverview.needs.logged.value")
			.entity(Long.class)
			.get();
	}

	private String communityId(String pcode) {
		return as(ADMIN).document("query($p: String!) { communityByPcode(pcode: $p) { id } }")
			.variable("p", pcode)
			.execute()
			.path("communityByPcode.id")
			.entity(String.class)
			.get();
	}

	private void seed(List<Need> needs) {
		SeededNeeds.insert(this.mongo, needs);
	}

	@SuppressWarnings("unchecked")
	private static void assertFigures(GraphQlTester.Response response, String path, List<Need> needs) {
		Map<String, Object> figures = response.path(path).entity(Map.class).get();
		assertThat(value(figures.get("logged"))).isEqualTo((long) needs.size());

		Map<List<String>, Long> expectedOpen = needs.stream()
			.filter(need -> OPEN.contains(need.status()))
			.collect(Collectors.groupingBy(need -> List.of(need.sector(), need.priority(), need.status()),
					Collectors.counting()));
		Map<List<String>, Long> actualOpen = new HashMap<>();
		for (Map<String, Object> row : (List<Map<String, Object>>) figures.get("open")) {
			actualOpen.put(
					List.of((String) row.get("sector"), (String) row.get("priority"), (String) row.get("status")),
					value(row.get("count")));
		}
		assertThat(actualOpen).isEqualTo(expectedOpen);

		Map<String, Long> expectedStatus = needs.stream()
			.collect(Collectors.groupingBy(Need::status, Collectors.counting()));
		Map<String, Long> actualStatus = new HashMap<>();
		for (Map<String, Object> row : (List<Map<String, Object>>) figures.get("byStatus")) {
			actualStatus.put((String) row.get("status"), value(row.get("count")));
		}
		assertThat(actualStatus).isEqualTo(expectedStatus);

		assertPeople((Map<String, Object>) figures.get("peopleAffected"), needs);
		assertPeople((Map<String, Object>) figures.get("peopleReached"),
				needs.stream().filter(need -> REACHED.contains(need.status())).toList());

		assertDuration((Map<String, Object>) figures.get("timeToAssigned"), needs, Need::assignedAt);
		assertDuration((Map<String, Object>) figures.get("timeToFulfilled"), needs, Need::fulfilledAt);
	}

	@SuppressWarnings("unchecked")
	private static void assertPeople(Map<String, Object> people, List<Need> needs) {
		assertThat(value(people.get("needs"))).isEqualTo((long) needs.size());
		assertThat(value(people.get("total"))).isEqualTo(needs.stream().mapToLong(Need::total).sum());
		assertThat(((Number) people.get("withheldNeeds")).longValue()).as("nothing left out").isZero();
		assertThat(groupValue(people.get("girls"))).isEqualTo(groupSum(needs, Need::girls));
		assertThat(groupValue(people.get("women"))).isEqualTo(groupSum(needs, Need::women));
		assertThat(people.get("men")).as("a group no need recorded").isNull();
	}

	private static Long groupSum(List<Need> needs, java.util.function.Function<Need, Integer> group) {
		return groupSum(needs, group, Integer::longValue);
	}

	/**
	 * The sum of a group over the needs that recorded it, each counted as given; null
	 * when none did.
	 */
	private static Long groupSum(List<Need> needs, java.util.function.Function<Need, Integer> group,
			java.util.function.ToLongFunction<Integer> counted) {
		List<Integer> known = needs.stream().map(group).filter(Objects::nonNull).toList();
		return known.isEmpty() ? null : known.stream().mapToLong(counted).sum();
	}

	private static void assertDuration(Map<String, Object> duration, List<Need> needs,
			java.util.function.Function<Need, Instant> reachedAt) {
		List<Long> millis = needs.stream()
			.filter(((Predicate<Need>) need -> reachedAt.apply(need) != null))
			.map(need -> Duration.between(need.loggedAt(), reachedAt.apply(need)).toMillis())
			.sorted(Comparator.naturalOrder())
			.toList();
		assertThat(value(duration.get("samples"))).isEqualTo((long) millis.size());
		if (millis.isEmpty()) {
			assertThat(duration.get("medianHours")).isNull();
			return;
		}
		assertThat((Double) duration.get("medianHours")).isCloseTo(nearestRank(millis, 0.5) / 3_600_000.0,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat((Double) duration.get("p90Hours")).isCloseTo(nearestRank(millis, 0.9) / 3_600_000.0,
				org.assertj.core.data.Offset.offset(1e-9));
	}

	private static long nearestRank(List<Long> sorted, double p) {
		int rank = (int) Math.max(1, Math.ceil(p * sorted.size()));
		return sorted.get(rank - 1);
	}

	@SuppressWarnings("unchecked")
	private static Long value(Object figure) {
		Object value = ((Map<String, Object>) figure).get("value");
		return (value != null) ? ((Number) value).longValue() : null;
	}

	private static Long groupValue(Object figure) {
		return (figure != null) ? value(figure) : null;
	}

}
