package org.hromada.aid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.hromada.graphql.GeoPoint;
import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.aid.AidRequestFixtures.BUCHA;
import static org.hromada.aid.AidRequestFixtures.IRPIN;
import static org.hromada.aid.AidRequestFixtures.KHARKIV;
import static org.hromada.aid.AidRequestFixtures.need;

class AidRequestLoggingTests extends IntegrationTest {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Fingerprints fingerprints;

	@Test
	void volunteerLogsANeedInTheirCommunity() {
		Map<String, Object> input = need(IRPIN);
		as(TestUser.VOLUNTEER_IRPIN).documentName("logAidRequest")
			.variable("input", input)
			.execute()
			.path("logAidRequest.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("logAidRequest.created")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("logAidRequest.aidRequest.status")
			.entity(String.class)
			.isEqualTo("NEW")
			.path("logAidRequest.aidRequest.clusterCode")
			.entity(String.class)
			.isEqualTo("WSH")
			.path("logAidRequest.aidRequest.community.pcode")
			.entity(String.class)
			.isEqualTo(IRPIN)
			.path("logAidRequest.aidRequest.reportedBy")
			.entity(String.class)
			.isEqualTo(TestUser.VOLUNTEER_IRPIN.subject())
			.path("logAidRequest.aidRequest.contact.phone")
			.entity(String.class)
			.isEqualTo("+380 67 123 45 67")
			.path("logAidRequest.aidRequest.coarseCell")
			.hasValue()
			.path("logAidRequest.aidRequest.statusHistory[0].to")
			.entity(String.class)
			.isEqualTo("NEW")
			.path("logAidRequest.aidRequest.priorityExplanation.factors[*].factor")
			.entityList(String.class)
			.containsExactly("URGENCY", "PEOPLE_AFFECTED", "VULNERABLE_GROUPS", "SECTOR", "TIME_WAITING", "ACCESS");
	}

	@Test
	void twentyParallelRetriesOfOneSubmissionLeaveOneRecord() throws Exception {
		Map<String, Object> input = need(IRPIN);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Callable<GraphQlTester.Response>> calls = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				calls.add(() -> as(TestUser.VOLUNTEER_IRPIN).documentName("logAidRequest")
					.variable("input", input)
					.execute());
			}
			List<String> ids = new ArrayList<>();
			int created = 0;
			for (Future<GraphQlTester.Response> future : pool.invokeAll(calls)) {
				GraphQlTester.Response response = future.get();
				response.path("logAidRequest.userErrors").entityList(Object.class).hasSize(0);
				ids.add(response.path("logAidRequest.aidRequest.id").entity(String.class).get());
				created += response.path("logAidRequest.created").entity(Boolean.class).get() ? 1 : 0;
			}
			assertThat(Set.copyOf(ids)).hasSize(1);
			assertThat(ids).hasSize(20);
			assertThat(created).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		as(TestUser.COORDINATOR_KYIV).documentName("aidRequests")
			.variable("filter", Map.of("reportedBy", TestUser.VOLUNTEER_IRPIN.subject(), "text", "drinking"))
			.variable("first", 100)
			.execute()
			.path("aidRequests.edges[*].node.id")
			.entityList(String.class)
			.satisfies(found -> assertThat(found).filteredOn(id -> id.equals(idOf(input))).hasSize(1));
	}

	@Test
	void aRetryCompletesTheActivityLogWhenTheFirstAttemptStoredTheNeedButNotItsActivity() {
		Map<String, Object> input = need(IRPIN);
		String id = log(TestUser.VOLUNTEER_IRPIN, input).path("logAidRequest.aidRequest.id").entity(String.class).get();
		// The first attempt's activity append is lost (as if the store failed right after
		// the insert).
		this.mongo.remove(Query.query(Criteria.where("entityId").is(id)), "activities");
		log(TestUser.VOLUNTEER_IRPIN, input).path("logAidRequest.created").entity(Boolean.class).isEqualTo(false);
		log(TestUser.VOLUNTEER_IRPIN, input);
		as(TestUser.ADMIN)
			.document("{ activities(filter: { entityId: \"" + id + "\" }) { edges { node { action } } } }")
			.execute()
			.path("activities.edges[*].node.action")
			.entityList(String.class)
			.containsExactly("aidRequest.logged");
	}

	@Test
	void sameKeyWithOtherContentIsRefused() {
		Map<String, Object> input = need(IRPIN);
		log(TestUser.VOLUNTEER_IRPIN, input);
		Map<String, Object> changed = new HashMap<>(input);
		changed.put("title", "Something else");
		log(TestUser.VOLUNTEER_IRPIN, changed).path("logAidRequest.aidRequest")
			.valueIsNull()
			.path("logAidRequest.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("DUPLICATE")
			.path("logAidRequest.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "clientRequestId");
	}

	/**
	 * A need logged by a release that fingerprinted the records' toString() is still
	 * recognised when its retry arrives after the upgrade; other content under its key is
	 * still refused.
	 */
	/**
	 * The idempotency key is unique per community (so a cluster sharded by community
	 * enforces it), but an earlier submission is looked up in every community: the same
	 * key for a need in another community is still other content under a used key.
	 */
	@Test
	void sameKeyForAnotherCommunityIsRefused() {
		Map<String, Object> input = need(IRPIN);
		log(TestUser.COORDINATOR_KYIV, input);
		Map<String, Object> elsewhere = new HashMap<>(input);
		elsewhere.put("communityPcode", BUCHA);
		log(TestUser.COORDINATOR_KYIV, elsewhere).path("logAidRequest.aidRequest")
			.valueIsNull()
			.path("logAidRequest.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("DUPLICATE");
	}

	@Test
	void aRetryOfASubmissionFingerprintedBeforeVersionsIsStillARetry() {
		Map<String, Object> input = need(IRPIN);
		String id = log(TestUser.VOLUNTEER_IRPIN, input).path("logAidRequest.aidRequest.id").entity(String.class).get();
		AidRequestInputs.LogAidRequestInput typed = new AidRequestInputs.LogAidRequestInput(
				(String) input.get("clientRequestId"), IRPIN, Sector.WASH, (String) input.get("title"),
				(String) input.get("description"), 500.0, "litres",
				new PeopleAffected(40, 5, 6, null, null, 4, null, 2), Urgency.URGENT, new GeoPoint(50.5218, 30.2506),
				new Contact("Olena Shevchenko", "+380 67 123 45 67"), null);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				Update.update("submissionFingerprint", this.fingerprints.submission(SubmissionForm.previous(typed))),
				AidRequestDocument.class);
		log(TestUser.VOLUNTEER_IRPIN, input).path("logAidRequest.created")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.isEqualTo(id);
		Map<String, Object> changed = new HashMap<>(input);
		changed.put("unit", "bottles");
		log(TestUser.VOLUNTEER_IRPIN, changed).path("logAidRequest.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("DUPLICATE");
	}

	@Test
	void theSameKeyOfAnotherReporterIsAnotherSubmission() {
		Map<String, Object> input = need(IRPIN);
		String first = log(TestUser.VOLUNTEER_IRPIN, input).path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
		String second = log(TestUser.COORDINATOR_KYIV, input).path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void needOutsideTheCallersCommunitiesIsForbidden() {
		as(TestUser.VOLUNTEER_IRPIN).documentName("logAidRequest")
			.variable("input", need(KHARKIV))
			.execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("FORBIDDEN"))
			.verify();
	}

	@Test
	void unknownCommunityIsAUserError() {
		log(TestUser.ADMIN, need("UA0000000")).path("logAidRequest.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND")
			.path("logAidRequest.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "communityPcode");
	}

	@Test
	void invalidFieldsAreEachReportedWithTheirPath() {
		Map<String, Object> input = need(IRPIN);
		input.put("title", "x".repeat(201));
		input.put("quantity", -1.0);
		input.put("peopleAffected", Map.of("total", 3, "women", 2, "men", 2));
		input.put("location", Map.of("latitude", 50.0, "longitude", 200.0));
		input.put("contact", Map.of("phone", "call me"));
		log(TestUser.VOLUNTEER_IRPIN, input).path("logAidRequest.aidRequest")
			.valueIsNull()
			.path("logAidRequest.userErrors[*].path")
			.entityList(Object.class)
			.satisfies(paths -> assertThat(paths).map(Object::toString)
				.containsExactlyInAnyOrder("[input, contact, phone]", "[input, location, longitude]",
						"[input, peopleAffected, groupsWithinTotal]", "[input, quantity]", "[input, title]"));
	}

	@Test
	void batchLogsGoodItemsAndReportsBadOnes() {
		Map<String, Object> good = need(IRPIN);
		Map<String, Object> bad = need(IRPIN);
		bad.put("title", "");
		Map<String, Object> elsewhere = need(KHARKIV);
		as(TestUser.VOLUNTEER_IRPIN)
			.document(
					"mutation($input: LogAidRequestsInput!) { logAidRequests(input: $input) { results { index created "
							+ "aidRequest { id } userErrors { path code } } userErrors { code } } }")
			.variable("input", Map.of("items", List.of(good, bad, elsewhere, good)))
			.execute()
			.path("logAidRequests.results[0].created")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("logAidRequests.results[1].aidRequest")
			.valueIsNull()
			.path("logAidRequests.results[1].userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "items", "1", "title")
			.path("logAidRequests.results[2].userErrors[0].code")
			.entity(String.class)
			.isEqualTo("FORBIDDEN")
			.path("logAidRequests.results[3].created")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

	@Test
	void batchOfMoreThanAHundredIsRefusedWhole() {
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			items.add(need(IRPIN));
		}
		as(TestUser.VOLUNTEER_IRPIN).document(
				"mutation($input: LogAidRequestsInput!) { logAidRequests(input: $input) { results { index } userErrors { path code } } }")
			.variable("input", Map.of("items", items))
			.execute()
			.path("logAidRequests.results")
			.entityList(Object.class)
			.hasSize(0)
			.path("logAidRequests.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "items");
		as(TestUser.ADMIN).documentName("aidRequests")
			.variable("filter", Map.of("text", String.valueOf(items.get(0).get("title"))))
			.execute();
		as(TestUser.ADMIN).document("{ aidRequests(first: 100) { edges { node { clientRequestId } } } }")
			.execute()
			.path("aidRequests.edges[*].node.clientRequestId")
			.entityList(String.class)
			.satisfies(keys -> assertThat(keys).doesNotContainAnyElementsOf(
					items.stream().map(item -> (String) item.get("clientRequestId")).collect(Collectors.toSet())));
	}

	@Test
	void nearbyNeedOfTheSameSectorIsFlaggedAsPossibleDuplicate() {
		String first = log(TestUser.VOLUNTEER_IRPIN, need(IRPIN)).path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
		Map<String, Object> again = need(IRPIN);
		again.put("contact", Map.of("phone", "+380 50 000 00 01"));
		again.put("location", Map.of("latitude", 50.5220, "longitude", 30.2510));
		log(TestUser.COORDINATOR_KYIV, again).path("logAidRequest.aidRequest.possibleDuplicateIds")
			.entityList(String.class)
			.contains(first);
	}

	@Test
	void samePhoneFarAwayIsFlaggedThroughItsFingerprint() {
		Map<String, Object> input = need(IRPIN);
		input.put("contact", Map.of("phone", "067 999 88 77"));
		String first = log(TestUser.VOLUNTEER_IRPIN, input).path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
		Map<String, Object> far = need(IRPIN);
		far.put("location", Map.of("latitude", 50.60, "longitude", 30.40));
		far.put("contact", Map.of("phone", "+380679998877"));
		log(TestUser.VOLUNTEER_IRPIN, far).path("logAidRequest.aidRequest.possibleDuplicateIds")
			.entityList(String.class)
			.contains(first);
	}

	private GraphQlTester.Response log(TestUser user, Map<String, Object> input) {
		return as(user).documentName("logAidRequest").variable("input", input).execute();
	}

	private String idOf(Map<String, Object> input) {
		return log(TestUser.VOLUNTEER_IRPIN, input).path("logAidRequest.aidRequest.id").entity(String.class).get();
	}

}
