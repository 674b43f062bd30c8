package org.hromada.assignment;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real parallel offers over HTTP: whatever the interleaving, the stored assignments keep
 * every volunteer's limits, and every refused offer says why.
 */
class AssignmentConcurrencyTests extends AssignmentTestSupport {

	@Autowired
	private MongoTemplate mongo;

	@Test
	void manyParallelOverlappingOffersNeverBreakAVolunteersLimits() throws Exception {
		String pcode = newCommunity("ACCESSIBLE");
		List<Person> coordinators = List.of(coordinatorOf(pcode), coordinatorOf(pcode), coordinatorOf(pcode));
		Map<String, Object> caps = Map.of("maxActiveAssignments", 4, "weeklyHoursCap", 10);
		List<Person> volunteers = List.of(volunteerOf(pcode, caps), volunteerOf(pcode, caps), volunteerOf(pcode, caps));
		List<String> needs = List.of(triagedNeed(coordinators.get(0), pcode, "WASH"),
				triagedNeed(coordinators.get(0), pcode, "WASH"));
		// Windows within one ISO week starting next Monday, so the weekly cap bites.
		Instant monday = Instant.now()
			.truncatedTo(ChronoUnit.DAYS)
			.plus(8 - Instant.now().atZone(java.time.ZoneOffset.UTC).getDayOfWeek().getValue(), ChronoUnit.DAYS);
		Random random = new Random(42);
		List<Callable<GraphQlTester.Response>> calls = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			Person coordinator = coordinators.get(i % coordinators.size());
			Person volunteer = volunteers.get(random.nextInt(volunteers.size()));
			Instant start = monday.plus(8 + random.nextInt(24), ChronoUnit.HOURS);
			Instant end = start.plus(1 + random.nextInt(4), ChronoUnit.HOURS);
			Map<String, Object> input = new HashMap<>(
					offer(needs.get(random.nextInt(needs.size())), volunteer.id(), 0, 1));
			input.put("window", Map.of("start", start.toString(), "end", end.toString()));
			calls.add(() -> coordinator.client().documentName("assignVolunteer").variable("input", input).execute());
		}
		ExecutorService pool = Executors.newFixedThreadPool(12);
		int made = 0;
		List<Map<String, Object>> refusals = new ArrayList<>();
		try {
			for (Future<GraphQlTester.Response> future : pool.invokeAll(calls)) {
				List<Map<String, Object>> errors = future.get()
					.path("assignVolunteer.userErrors")
					.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
					})
					.get();
				if (errors.isEmpty()) {
					made++;
				}
				else {
					refusals.addAll(errors);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(made).as("some offers are made").isPositive();
		assertThat(refusals).as("some offers are refused").isNotEmpty();
		assertThat(refusals).allSatisfy(error -> {
			assertThat(error.get("code")).isIn("CONFLICT", "OVER_CAPACITY");
			assertThat((String) error.get("message")).containsAnyOf("overlaps", "maximum", "cap");
		});

		List<AssignmentDocument> stored = this.mongo.find(Query.query(Criteria.where("communityPcode").is(pcode)),
				AssignmentDocument.class);
		assertThat(stored).hasSize(made);
		Map<String, List<AssignmentDocument>> byVolunteer = stored.stream()
			.filter(assignment -> assignment.getStatus().isActive())
			.collect(Collectors.groupingBy(AssignmentDocument::getVolunteerId));
		byVolunteer.forEach((volunteer, active) -> {
			assertThat(active).as("active assignments of " + volunteer).hasSizeLessThanOrEqualTo(4);
			Duration hours = active.stream()
				.map(assignment -> assignment.window().duration())
				.reduce(Duration.ZERO, Duration::plus);
			assertThat(hours).as("planned hours in the week").isLessThanOrEqualTo(Duration.ofHours(10));
			for (int a = 0; a < active.size(); a++) {
				for (int b = a + 1; b < active.size(); b++) {
					assertThat(active.get(a).window().overlaps(active.get(b).window()))
						.as("windows of " + volunteer + " overlap")
						.isFalse();
				}
			}
		});
	}

	@Test
	void ofTwoCoordinatorsOfferingTheSameVolunteerOverlappingWindowsAtOnceExactlyOneSucceeds() throws Exception {
		String pcode = newCommunity("ACCESSIBLE");
		Person first = coordinatorOf(pcode);
		Person second = coordinatorOf(pcode);
		String need = triagedNeed(first, pcode, "WASH");
		for (int round = 0; round < 5; round++) {
			Person volunteer = volunteerOf(pcode, Map.of());
			CountDownLatch start = new CountDownLatch(1);
			List<Callable<GraphQlTester.Response>> calls = new ArrayList<>();
			for (Person coordinator : List.of(first, second)) {
				Map<String, Object> input = offer(need, volunteer.id(), 10 + round, 3);
				calls.add(() -> {
					start.await();
					return coordinator.client().documentName("assignVolunteer").variable("input", input).execute();
				});
			}
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<GraphQlTester.Response>> futures = calls.stream().map(pool::submit).toList();
				start.countDown();
				List<String> outcomes = new ArrayList<>();
				for (Future<GraphQlTester.Response> future : futures) {
					GraphQlTester.Response response = future.get();
					List<String> codes = response.path("assignVolunteer.userErrors[*].code")
						.entityList(String.class)
						.get();
					if (codes.isEmpty()) {
						outcomes.add("OK");
					}
					else {
						outcomes.addAll(codes);
						response.path("assignVolunteer.userErrors[0].message")
							.entity(String.class)
							.satisfies(message -> assertThat(message).contains("already booked"));
					}
				}
				assertThat(outcomes).containsExactlyInAnyOrder("OK", "CONFLICT");
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

}
