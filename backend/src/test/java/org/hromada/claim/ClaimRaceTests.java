package org.hromada.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real parallel claims over HTTP with signed tokens: one open claim per need, and no
 * organisation above its cap in a community, whatever the interleaving.
 */
class ClaimRaceTests extends ClaimTestSupport {

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private ClaimSettings settings;

	@Test
	void ofTwentyOrganisationsClaimingOneNeedAtOnceExactlyOneHoldsItAndTheOthersAreToldWho() throws Exception {
		String pcode = newCommunity("ACCESSIBLE");
		String need = need(coordinatorOf(pcode), pcode);
		List<String> keys = new ArrayList<>();
		List<Person> partners = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String key = newOrganization();
			keys.add(key);
			partners.add(partnerOf(key));
		}
		List<GraphQlTester.Response> responses = parallel(partners
			.stream().<Callable<GraphQlTester.Response>>map(partner -> () -> claim(partner, need)).toList());

		List<String> winners = new ArrayList<>();
		List<String> refusals = new ArrayList<>();
		for (GraphQlTester.Response response : responses) {
			List<Map<String, Object>> errors = errors(response, "claimAidRequest");
			if (errors.isEmpty()) {
				winners.add(response.path("claimAidRequest.claim.organizationKey").entity(String.class).get());
			}
			else {
				assertThat(errors).singleElement()
					.satisfies(error -> assertThat(error).containsEntry("code", "CONFLICT"));
				refusals.add((String) errors.get(0).get("message"));
			}
		}
		assertThat(winners).hasSize(1);
		String holder = winners.get(0);
		assertThat(refusals).hasSize(19).allSatisfy(message -> assertThat(message).contains(holder));
		assertThat(this.mongo.count(new Query(Criteria.where("openNeedId").is(need)), ClaimDocument.class))
			.isEqualTo(1);
		assertThat(this.mongo.count(new Query(Criteria.where("aidRequestId").is(need)), ClaimDocument.class))
			.as("refused claims store nothing")
			.isEqualTo(1);
		coordinatorOf(pcode).client()
			.document("query($id: ID!) { aidRequest(id: $id) { claimState claimOrganizationKey } }")
			.variable("id", need)
			.execute()
			.path("aidRequest.claimState")
			.entity(String.class)
			.isEqualTo("PENDING")
			.path("aidRequest.claimOrganizationKey")
			.entity(String.class)
			.isEqualTo(holder);
	}

	@Test
	void anOrganisationClaimingMoreThanItsCapInACommunityAtOnceIsToldTheCap() throws Exception {
		int cap = this.settings.maxOpenPerCommunity();
		String pcode = newCommunity("ACCESSIBLE");
		String other = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		List<String> needs = new ArrayList<>();
		for (int i = 0; i < cap + 4; i++) {
			needs.add(need(coordinator, pcode));
		}
		String key = newOrganization();
		List<Person> partners = List.of(partnerOf(key), partnerOf(key), partnerOf(key));
		List<Callable<GraphQlTester.Response>> calls = new ArrayList<>();
		for (int i = 0; i < needs.size(); i++) {
			Person partner = partners.get(i % partners.size());
			String need = needs.get(i);
			calls.add(() -> claim(partner, need));
		}
		List<GraphQlTester.Response> responses = parallel(calls);

		long succeeded = responses.stream().filter(response -> errors(response, "claimAidRequest").isEmpty()).count();
		assertThat(succeeded).isEqualTo(cap);
		responses.stream()
			.map(response -> errors(response, "claimAidRequest"))
			.filter(errors -> !errors.isEmpty())
			.forEach(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error).containsEntry("code", "OVER_CAPACITY");
				assertThat((String) error.get("message")).contains("max-open-per-community = " + cap)
					.contains(key)
					.contains(pcode);
			}));
		assertThat(this.mongo.count(
				new Query(Criteria.where("organizationKey").is(key).and("status").in(ClaimStatus.OPEN)),
				ClaimDocument.class))
			.isEqualTo(cap);

		// The cap is per community, and a released claim frees its place.
		claimed(partners.get(0), need(coordinatorOf(other), other));
		String held = this.mongo
			.findOne(new Query(Criteria.where("organizationKey").is(key).and("communityPcode").is(pcode)),
					ClaimDocument.class)
			.getId();
		change(partners.get(0), "releaseClaim", Map.of("id", held, "reason", "No carpenters this week"));
		String unclaimed = needs.stream()
			.filter(need -> this.mongo.count(new Query(Criteria.where("openNeedId").is(need)),
					ClaimDocument.class) == 0)
			.filter(need -> !need.equals(this.mongo.findById(held, ClaimDocument.class).getAidRequestId()))
			.findFirst()
			.orElseThrow();
		claimed(partners.get(1), unclaimed);
	}

	private static List<GraphQlTester.Response> parallel(List<Callable<GraphQlTester.Response>> calls)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<GraphQlTester.Response>> futures = new ArrayList<>();
			for (Callable<GraphQlTester.Response> call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<GraphQlTester.Response> responses = new ArrayList<>();
			for (Future<GraphQlTester.Response> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
