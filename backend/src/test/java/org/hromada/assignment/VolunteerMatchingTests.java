package org.hromada.assignment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suggestions for a task: who cannot be assigned is left out, the rest ranked by
 * explained factors.
 */
class VolunteerMatchingTests extends AssignmentTestSupport {

	@Test
	void suggestionsLeaveOutWhoCannotTakeTheTaskAndRankTheBestFitFirstWithEveryFactorExplained() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person plumber = volunteerOf(pcode, Map.of("skills", List.of("PLUMBING", "DRIVING"), "languages", List.of("uk"),
				"location", Map.of("latitude", NEED_LATITUDE + 0.01, "longitude", NEED_LONGITUDE + 0.01)));
		Person cook = volunteerOf(pcode, Map.of("skills", List.of("COOKING"), "languages", List.of("en"), "location",
				Map.of("latitude", 50.9, "longitude", 30.9)));
		Person inactive = volunteerOf(pcode, Map.of("skills", List.of("PLUMBING"), "status", "INACTIVE"));
		Person busy = volunteerOf(pcode, Map.of("skills", List.of("PLUMBING", "LOGISTICS")));
		String need = triagedNeed(coordinator, pcode, "WASH");
		Map<String, Object> busyOffer = offer(need, busy.id(), 5, 3);
		assign(coordinator, busyOffer);

		List<Map<String, Object>> suggestions = coordinator.client()
			.documentName("suggestVolunteers")
			.variable("task", Map.of("kind", "AID_REQUEST", "id", need))
			.variable("window", busyOffer.get("window"))
			.execute()
			.path("suggestVolunteers")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(suggestions).extracting(suggestion -> (Object) ((Map<?, ?>) suggestion.get("volunteer")).get("id"))
			.containsExactly(plumber.id(), cook.id())
			.doesNotContain(inactive.id(), busy.id());
		Map<String, Object> best = suggestions.get(0);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> factors = (List<Map<String, Object>>) best.get("factors");
		assertThat(factors).extracting(factor -> factor.get("factor"))
			.containsExactly("SKILL_FIT", "AVAILABILITY", "DISTANCE", "LANGUAGE", "LOAD", "VETTING");
		assertThat(factors).allSatisfy(factor -> assertThat((String) factor.get("reason")).isNotBlank());
		double sum = factors.stream().mapToDouble(factor -> ((Number) factor.get("contribution")).doubleValue()).sum();
		assertThat(((Number) best.get("score")).doubleValue()).isCloseTo(sum,
				org.assertj.core.data.Offset.offset(0.001));
	}

	@Test
	void sectorsNeedingVettingSuggestOnlyVettedVolunteers() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person unvetted = volunteerOf(pcode, Map.of("skills", List.of("DEMINING_AWARENESS")));
		Person vetted = volunteerOf(pcode, Map.of("skills", List.of("DEMINING_AWARENESS")));
		coordinator.client()
			.document("mutation($id: ID!) { setVolunteerVetting(input: { volunteerId: $id, vetting: VETTED }) "
					+ "{ userErrors { code } } }")
			.variable("id", vetted.id())
			.execute()
			.path("setVolunteerVetting.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		String need = triagedNeed(coordinator, pcode, "MINE_ACTION");
		coordinator.client()
			.documentName("suggestVolunteers")
			.variable("task", Map.of("kind", "AID_REQUEST", "id", need))
			.execute()
			.path("suggestVolunteers[*].volunteer.id")
			.entityList(String.class)
			.containsExactly(vetted.id())
			.doesNotContain(unvetted.id());
	}

	@Test
	void aSuggestionWindowLongerThanAnOffersIsRefused() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		String need = triagedNeed(coordinator, pcode, "WASH");
		coordinator.client()
			.documentName("suggestVolunteers")
			.variable("task", Map.of("kind", "AID_REQUEST", "id", need))
			.variable("window", Map.of("start", "2027-01-01T00:00:00Z", "end", "2127-01-01T00:00:00Z"))
			.execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("BAD_REQUEST")
					&& error.getMessage().contains("at most 14 days"))
			.verify();
	}

}
