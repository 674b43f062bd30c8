package org.hromada.activity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.IndexDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every order the activity log is read in is served by an index for each way it is
 * narrowed (no condition, a record, an actor, a community): an index whose keys are the
 * equality fields followed by the sort keys, all in the sort's direction or all in the
 * reverse one, so MongoDB reads a page off the index in order instead of sorting every
 * matching entry in memory.
 */
class ActivityIndexTests {

	/** The equality conditions the list runs: its filters and access scopes. */
	private static final List<Set<String>> NARROWINGS = List.of(Set.of(), Set.of("entityType", "entityId"),
			Set.of("actorId"), Set.of("communityPcode"));

	private final List<IndexDefinition> indexes = new ActivityStore().activityIndexes().indexes();

	@Test
	void theListIsServedInItsOrderForEveryNarrowing() {
		for (Set<String> narrowing : NARROWINGS) {
			assertThat(servedBy(narrowing, ActivityService.NEWEST_FIRST))
				.as("an index of %s then %s", narrowing, ActivityService.NEWEST_FIRST)
				.isNotEmpty();
		}
	}

	@Test
	void theLiveFeedIsServedInItsOrder() {
		assertThat(servedBy(Set.of(), ActivityFeed.IN_ORDER)).containsExactly("at");
	}

	@Test
	void anIndexEndingInTimeAloneDoesNotServeTheOrder() {
		Map<String, Integer> timeOnly = new LinkedHashMap<>();
		timeOnly.put("communityPcode", 1);
		timeOnly.put("at", -1);
		assertThat(serves(timeOnly, Set.of("communityPcode"), ActivityService.NEWEST_FIRST)).isFalse();
		timeOnly.put("_id", -1);
		assertThat(serves(timeOnly, Set.of("communityPcode"), ActivityService.NEWEST_FIRST)).as("mixed directions")
			.isFalse();
	}

	private List<String> servedBy(Set<String> narrowing, Sort sort) {
		List<String> names = new ArrayList<>();
		for (IndexDefinition index : this.indexes) {
			Map<String, Integer> keys = new LinkedHashMap<>();
			index.getIndexKeys().forEach((key, direction) -> keys.put(key, ((Number) direction).intValue()));
			if (serves(keys, narrowing, sort)) {
				names.add(String.valueOf(index.getIndexOptions().get("name")));
			}
		}
		return names;
	}

	/**
	 * Whether the keys are the equality fields (in any order) followed by exactly the
	 * sort (id is stored as _id), in its direction or all reversed.
	 */
	private static boolean serves(Map<String, Integer> keys, Set<String> narrowing, Sort sort) {
		List<String> fields = new ArrayList<>(keys.keySet());
		List<Sort.Order> orders = sort.toList();
		if (fields.size() != narrowing.size() + orders.size()
				|| !Set.copyOf(fields.subList(0, narrowing.size())).equals(narrowing)) {
			return false;
		}
		boolean same = true;
		boolean reversed = true;
		for (int i = 0; i < orders.size(); i++) {
			Sort.Order order = orders.get(i);
			String field = fields.get(narrowing.size() + i);
			String expected = order.getProperty().equals("id") ? "_id" : order.getProperty();
			if (!field.equals(expected)) {
				return false;
			}
			int direction = order.isAscending() ? 1 : -1;
			same &= keys.get(field) == direction;
			reversed &= keys.get(field) == -direction;
		}
		return same || reversed;
	}

}
