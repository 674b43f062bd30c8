package org.hromada.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.hromada.report.SeededNeeds.Need;
import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.support.TestUser.ADMIN;
import static org.hromada.support.TestUser.PARTNER_RELIEF;

/**
 * No people figure withheld from partners can be worked out from everything a partner
 * downloads or queries about the area: the 3W export parsed back, statusOverview of the
 * area, of its sectors and of overlapping periods, communityStatus, and the needs list.
 *
 * <p>
 * The reasoning is exact: a withheld figure is determined exactly when a single value of
 * its range is consistent with what the partner sees. For every withheld figure of a
 * seeded area the test tries every other value of its range in the store (a need's total
 * from 1 to 4; a group from 1 to 4 within the total; a group of a need in a protection
 * sector, withheld whatever its size, one up and one down), and finds the partner's whole
 * view unchanged, so each value is consistent and none is determined. The same change
 * moves what an admin sees, so the view would show it if it held it.
 */
class WithheldPeopleFiguresTests extends IntegrationTest {

	private static final String[] SECTORS = { "WASH", "HEALTH", "GBV", "PROTECTION" };

	private static final String PEOPLE = "{ needs { value suppressed } total { value suppressed } withheldNeeds "
			+ "girls { value suppressed } women { value suppressed } men { value suppressed } }";

	private static final String REPORT = "{ smallCountsSuppressed needs { logged { value suppressed } "
			+ "byStatus { status count { value suppressed } } "
			+ "open { sector priority status count { value suppressed } } peopleAffected " + PEOPLE + " peopleReached "
			+ PEOPLE + " } }";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> communityIds = new java.util.HashMap<>();

	@Autowired
	private MongoTemplate mongo;

	@Test
	void noWithheldPeopleFigureOfAnAreaCanBeWorkedOutFromEverythingAPartnerReads() {
		String community = newCommunity("ACCESSIBLE");
		List<Need> needs = SeededNeeds.random(community, 24, 19, now(), SECTORS, 12);
		SeededNeeds.insert(this.mongo, needs);
		Map<String, Object> area = Map.of("communities", List.of(community));
		List<Map<String, Object>> filters = List.of(area,
				Map.of("communities", List.of(community), "sectors", List.of("GBV", "PROTECTION")),
				Map.of("communities", List.of(community), "sectors", List.of("WASH")));

		List<Withheld> withheld = withheld(needs);
		assertThat(withheld).as("the seeded area holds small totals, small groups and protection groups")
			.anyMatch(figure -> figure.field().equals("total"))
			.anyMatch(figure -> !figure.field().equals("total") && !figure.protection())
			.anyMatch(Withheld::protection);
		JsonNode seen = partnerView(community, filters);
		JsonNode exact = adminView(filters);
		for (Withheld figure : withheld) {
			for (int value : figure.otherValues()) {
				set(figure, value);
				assertThat(partnerView(community, filters)).as("partner's view with %s", figure.at(value))
					.isEqualTo(seen);
				assertThat(adminView(filters)).as("admin's view with %s", figure.at(value)).isNotEqualTo(exact);
			}
			set(figure, figure.value());
		}
	}

	@Test
	void twoPeriodsThatDifferByOneSmallNeedCannotIsolateIt() {
		String community = newCommunity("ACCESSIBLE");
		List<Need> needs = new ArrayList<>(SeededNeeds.random(community, 30, 23, now(), SECTORS, 12));
		needs.sort(Comparator.comparing(Need::loggedAt));
		SeededNeeds.insert(this.mongo, needs);
		Need small = needs.stream()
			.skip(15)
			.filter(need -> need.total() < 5 && need.girls() == null)
			.findFirst()
			.orElseThrow();
		Instant from = needs.get(0).loggedAt();
		Instant gap = small.loggedAt();
		List<Map<String, Object>> filters = List.of(period(community, from, gap),
				period(community, from, gap.plusMillis(1)), period(community, gap, gap.plusMillis(1)));
		long difference = people(ADMIN, filters.get(1)) - people(ADMIN, filters.get(0));
		assertThat(difference).as("an admin's two periods differ by that need's people").isEqualTo(small.total());

		JsonNode seen = partnerView(community, filters);
		for (int total = 1; total < 5; total++) {
			set(small.id(), "total", total);
			assertThat(partnerView(community, filters)).as("partner's view with %d people", total).isEqualTo(seen);
			assertThat(people(ADMIN, filters.get(1)) - people(ADMIN, filters.get(0))).isEqualTo(total);
		}
	}

	/**
	 * Now to the millisecond, as the store keeps times, so periods can cut between needs.
	 */
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Everything a partner reads about the area: reports and 3W exports of each filter,
	 * the community's status, and the needs list with their people.
	 */
	private JsonNode partnerView(String community, List<Map<String, Object>> filters) {
		Map<String, Object> view = new LinkedHashMap<>();
		String communityId = this.communityIds.computeIfAbsent(community, this::communityId);
		String token = TestTokens.accessToken(PARTNER_RELIEF);
		for (Map<String, Object> filter : filters) {
			view.put("statusOverview " + filter, postJson(token,
					"query($f: StatusFilter) { statusOverview(filter: $f) " + REPORT + " }", Map.of("f", filter)));
			List<List<String>> rows = new ArrayList<>(CsvTable.parse(downloads().export(PARTNER_RELIEF, filter)));
			rows.sort(Comparator.comparing(row -> String.join(",", row)));
			view.put("3W " + filter, rows);
		}
		view.put("communityStatus", postJson(token,
				"query($id: ID!) { communityStatus(communityId: $id) " + REPORT + " }", Map.of("id", communityId)));
		view.put("aidRequests", postJson(token, "query($c: [String!]) { aidRequests(filter: { communities: $c }, "
				+ "first: 100) { edges { node { id sector status peopleAffected { total girls women men } } } } }",
				Map.of("c", List.of(community))));
		return JSON.valueToTree(view);
	}

	private JsonNode adminView(List<Map<String, Object>> filters) {
		Map<String, Object> view = new LinkedHashMap<>();
		for (Map<String, Object> filter : filters) {
			view.put(filter.toString(), postJson(TestTokens.accessToken(ADMIN),
					"query($f: StatusFilter) { statusOverview(filter: $f) " + REPORT + " }", Map.of("f", filter)));
		}
		return JSON.valueToTree(view);
	}

	private long people(TestUser user, Map<String, Object> filter) {
		return postJson(TestTokens.accessToken(user),
				"query($f: StatusFilter) { statusOverview(filter: $f) " + REPORT + " }", Map.of("f", filter))
			.at("/data/statusOverview/needs/peopleAffected/total/value")
			.asLong();
	}

	private static Map<String, Object> period(String community, Instant from, Instant to) {
		return Map.of("communities", List.of(community), "period",
				Map.of("from", from.toString(), "to", to.toString()));
	}

	/**
	 * The figures of the needs that partners do not read: totals from 1 to 4, groups from
	 * 1 to 4, and every recorded group of a need in a protection sector.
	 */
	private static List<Withheld> withheld(List<Need> needs) {
		List<Withheld> figures = new ArrayList<>();
		for (Need need : needs) {
			boolean protection = need.sector().equals("GBV") || need.sector().equals("PROTECTION");
			int girls = (need.girls() != null) ? need.girls() : 0;
			int women = (need.women() != null) ? need.women() : 0;
			if (need.total() < 5) {
				figures.add(new Withheld(need.id(), "total", need.total(), Math.max(1, girls + women), false));
			}
			if (need.girls() != null && (protection || (girls > 0 && girls < 5))) {
				figures.add(new Withheld(need.id(), "girls", girls, need.total() - women, protection));
			}
			if (need.women() != null && (protection || (women > 0 && women < 5))) {
				figures.add(new Withheld(need.id(), "women", women, need.total() - girls, protection));
			}
		}
		return figures;
	}

	private void set(Withheld figure, int value) {
		set(figure.needId(), figure.field(), value);
	}

	/**
	 * Writes a people figure of a need straight into the store: another world, same rest.
	 */
	private void set(String needId, String field, int value) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(needId))),
				new Update().set("people." + field, value), SeededNeeds.COLLECTION);
	}

	private String communityId(String pcode) {
		return postJson(TestTokens.accessToken(ADMIN), "query($p: String!) { communityByPcode(pcode: $p) { id } }",
				Map.of("p", pcode))
			.at("/data/communityByPcode/id")
			.asString();
	}

	private ThreeWDownloads downloads() {
		return new ThreeWDownloads(this.port, this::as);
	}

	/**
	 * One withheld figure of a need and the range the reader knows it lies in.
	 *
	 * @param bound the total for a small total's lower bound (its groups' sum, at least
	 * 1); for a group, the most it can be beside the other group
	 */
	private record Withheld(String needId, String field, int value, int bound, boolean protection) {

		/** Every other value consistent with what is known of the figure's kind. */
		List<Integer> otherValues() {
			List<Integer> values = new ArrayList<>();
			if (this.field.equals("total")) {
				for (int other = this.bound; other < 5; other++) {
					values.add(other);
				}
			}
			else if (this.protection) {
				values.add(this.value - 1);
				values.add(this.value + 1);
			}
			else {
				for (int other = 1; other < 5; other++) {
					values.add(other);
				}
			}
			return values.stream().filter(other -> other != this.value && other >= 0).filter(this::fits).toList();
		}

		private boolean fits(int other) {
			return this.field.equals("total") || other <= this.bound;
		}

		String at(int other) {
			return this.field + " of need " + this.needId + " at " + other + " instead of " + this.value;
		}

	}

}
