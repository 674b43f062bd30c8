package org.hromada.aid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.hromada.store.GeoCells;
import org.hromada.support.IntegrationTest;
import org.hromada.support.MongoCommandCounter;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.aid.AidRequestFixtures.need;

class AidRequestSearchTests extends IntegrationTest {

	@Autowired
	MongoCommandCounter commands;

	@Test
	void textSearchIgnoresCaseAccentsAndApostrophesAndMatchesWordBeginnings() {
		String pcode = newCommunity("ACCESSIBLE");
		Map<String, Object> input = need(pcode);
		input.put("title", "Питна ВОДА та м’ясо для Café «Київ»");
		String id = log(input);
		for (String text : List.of("вода", "мясо", "м'ясо", "cafe", "КИЇВ", "пит вод")) {
			as(TestUser.ADMIN).documentName("aidRequests")
				.variable("filter", Map.of("communities", List.of(pcode), "text", text))
				.execute()
				.path("aidRequests.edges[*].node.id")
				.entityList(String.class)
				.containsExactly(id);
		}
		as(TestUser.ADMIN).documentName("aidRequests")
			.variable("filter", Map.of("communities", List.of(pcode), "text", "хліб"))
			.execute()
			.path("aidRequests.edges")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void priorityOrderPutsTheMostPressingFirst() {
		String pcode = newCommunity("ACCESSIBLE");
		Map<String, Object> routine = need(pcode);
		routine.put("urgency", "ROUTINE");
		routine.put("peopleAffected", Map.of("total", 1));
		routine.put("location", Map.of("latitude", 48.0, "longitude", 30.0));
		Map<String, Object> critical = need(pcode);
		critical.put("urgency", "LIFE_THREATENING");
		critical.put("peopleAffected", Map.of("total", 2000, "girls", 500, "boys", 500));
		critical.put("location", Map.of("latitude", 49.0, "longitude", 31.0));
		String low = log(routine);
		String high = log(critical);
		as(TestUser.ADMIN).documentName("aidRequests")
			.variable("filter", Map.of("communities", List.of(pcode)))
			.variable("orderBy", "PRIORITY")
			.execute()
			.path("aidRequests.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(high, low);
		as(TestUser.ADMIN).documentName("aidRequests")
			.variable("filter", Map.of("communities", List.of(pcode), "minPriority", "HIGH"))
			.execute()
			.path("aidRequests.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(high);
	}

	@Test
	void urgencyFilterKeepsOnlyNeedsReportedWithTheGivenUrgencies() {
		String pcode = newCommunity("ACCESSIBLE");
		Map<String, Object> lifeThreatening = need(pcode);
		lifeThreatening.put("urgency", "LIFE_THREATENING");
		Map<String, Object> urgent = need(pcode);
		urgent.put("urgency", "URGENT");
		Map<String, Object> routine = need(pcode);
		routine.put("urgency", "ROUTINE");
		String first = log(lifeThreatening);
		String second = log(urgent);
		log(routine);
		as(TestUser.ADMIN).documentName("aidRequests")
			.variable("filter",
					Map.of("communities", List.of(pcode), "urgencies", List.of("LIFE_THREATENING", "URGENT")))
			.execute()
			.path("aidRequests.edges[*].node.id")
			.entityList(String.class)
			.contains(first, second)
			.hasSize(2);
		as(TestUser.ADMIN).documentName("aidRequests")
			.variable("filter", Map.of("communities", List.of(pcode), "urgencies", List.of("SOON")))
			.execute()
			.path("aidRequests.edges")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void nearbySearchFindsExactlyWhatABruteForceHaversineFinds() {
		String pcode = newCommunity("ACCESSIBLE");
		Random random = new Random(42);
		double centreLat = 48.5;
		double centreLon = 35.0;
		List<double[]> points = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			double[] point = { centreLat + (random.nextDouble() - 0.5) * 0.6,
					centreLon + (random.nextDouble() - 0.5) * 0.9 };
			points.add(point);
			Map<String, Object> input = need(pcode);
			input.put("title", "Point " + i);
			input.put("location", Map.of("latitude", point[0], "longitude", point[1]));
			log(input);
		}
		for (double radius : List.of(3.0, 12.0, 25.0)) {
			List<String> expected = points.stream()
				.filter(p -> GeoCells.distanceKm(centreLat, centreLon, p[0], p[1]) <= radius)
				.sorted(Comparator.comparingDouble(p -> GeoCells.distanceKm(centreLat, centreLon, p[0], p[1])))
				.map(p -> "Point " + points.indexOf(p))
				.toList();
			as(TestUser.ADMIN).document(
					"query($r: Float!, $c: [String!]) { aidRequestsNear(point: { latitude: 48.5, longitude: 35.0 }, radiusKm: $r, "
							+ "filter: { communities: $c }, first: 100) { distanceKm aidRequest { title } } }")
				.variable("r", radius)
				.variable("c", List.of(pcode))
				.execute()
				.path("aidRequestsNear[*].aidRequest.title")
				.entityList(String.class)
				.satisfies(titles -> assertThat(titles).as("radius " + radius).containsExactlyElementsOf(expected));
		}
	}

	@Test
	void radiusOverAHundredKilometresIsABadRequest() {
		as(TestUser.ADMIN)
			.document("{ aidRequestsNear(point: { latitude: 50, longitude: 30 }, radiusKm: 100.5) { distanceKm } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("BAD_REQUEST")
					&& error.getMessage().contains("radiusKm"))
			.verify();
	}

	@Test
	void aPageOfFiftyCostsNoMoreMongoCommandsThanAPageOfFive() {
		String pcode = newCommunity("HARD_TO_REACH");
		for (int i = 0; i < 50; i++) {
			log(need(pcode));
		}
		int five = commandsFor(pcode, 5);
		int fifty = commandsFor(pcode, 50);
		assertThat(fifty).isEqualTo(five);
		assertThat(five).as("page query + community, reporter and assignment-count batches").isLessThanOrEqualTo(5);
	}

	/**
	 * A page with each request's community, reporter (volunteer profile) and assignment
	 * counts, all batch-loaded.
	 */
	private int commandsFor(String pcode, int first) {
		this.commands.reset();
		as(TestUser.ADMIN).documentName("aidRequestsWithPeople")
			.variable("filter", Map.of("communities", List.of(pcode)))
			.variable("first", first)
			.execute()
			.path("aidRequests.edges")
			.entityList(Object.class)
			.hasSize(first)
			.path("aidRequests.edges[*].node.community.pcode")
			.entityList(String.class)
			.satisfies(pcodes -> assertThat(pcodes).containsOnly(pcode));
		return this.commands.count();
	}

	private String log(Map<String, Object> input) {
		return as(TestUser.ADMIN).documentName("logAidRequest")
			.variable("input", input)
			.execute()
			.path("logAidRequest.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
	}

}
