package org.hromada.aid;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.aid.AidRequestFixtures.IRPIN;
import static org.hromada.aid.AidRequestFixtures.need;

/**
 * An offline queue drains: within a batch every item is answered on its own, whatever
 * happens to the others, and the same batch sent again returns what was recorded.
 */
@ExtendWith(OutputCaptureExtension.class)
class AidRequestBatchTests extends IntegrationTest {

	private static final String BATCH = "mutation($input: LogAidRequestsInput!) { logAidRequests(input: $input) { "
			+ "results { index created aidRequest { id description } userErrors { path code message } } "
			+ "userErrors { code } } }";

	@Autowired
	MongoTemplate mongo;

	@Test
	void descriptionsUpToTheLimitAreStoredAndOnePastItFailsOnlyItsItem() {
		Map<String, Object> small = need(IRPIN);
		Map<String, Object> atLimit = need(IRPIN);
		atLimit.put("description", "Water\n".repeat(666) + "Wat\t");
		Map<String, Object> pastLimit = need(IRPIN);
		pastLimit.put("description", "x".repeat(4001));
		Map<String, Object> half = need(IRPIN);
		half.put("description", "y".repeat(2000));
		List<Map<String, Object>> items = List.of(small, atLimit, pastLimit, half);

		GraphQlTester.Response first = batch(TestUser.VOLUNTEER_IRPIN, items);
		first.path("logAidRequests.userErrors").entityList(Object.class).hasSize(0);
		first.path("logAidRequests.results[*].created")
			.entityList(Boolean.class)
			.containsExactly(true, true, false, true);
		first.path("logAidRequests.results[1].aidRequest.description")
			.entity(String.class)
			.isEqualTo(atLimit.get("description"));
		first.path("logAidRequests.results[3].aidRequest.description")
			.entity(String.class)
			.isEqualTo(half.get("description"));
		first.path("logAidRequests.results[2].aidRequest")
			.valueIsNull()
			.path("logAidRequests.results[2].userErrors[*].code")
			.entityList(String.class)
			.containsExactly("INVALID")
			.path("logAidRequests.results[2].userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "items", "2", "description");
		List<String> ids = first.path("logAidRequests.results[*].aidRequest.id").entityList(String.class).get();

		GraphQlTester.Response retry = batch(TestUser.VOLUNTEER_IRPIN, items);
		retry.path("logAidRequests.results[*].created")
			.entityList(Boolean.class)
			.containsExactly(false, false, false, false)
			.path("logAidRequests.results[*].aidRequest.id")
			.entityList(String.class)
			.containsExactly(ids.toArray(String[]::new))
			.path("logAidRequests.results[2].userErrors[0].code")
			.entity(String.class)
			.isEqualTo("INVALID");
		assertThat(stored(items)).isEqualTo(3);
	}

	@Test
	void anItemThatFailsUnexpectedlyLeavesTheOthersRecordedAndTheRetryDrains(CapturedOutput output) {
		// A stored record that cannot be read (written by hand or by an older release)
		// makes every need checked against it fail with an unexpected exception.
		String pcode = newCommunity("ACCESSIBLE");
		Document corrupt = new Document("communityPcode", pcode).append("sector", "WASH")
			.append("status", "NEW")
			.append("createdAt", new Date())
			.append("location", "not a location");
		this.mongo.getCollection(AidRequestDocument.COLLECTION).insertOne(corrupt);
		Map<String, Object> before = need(IRPIN);
		Map<String, Object> failing = need(pcode);
		failing.put("title", "Water for Ivanna Probe-Tkachenko");
		failing.put("contact", Map.of("name", "Ivanna Probe-Tkachenko", "phone", "+380 67 765 43 21"));
		Map<String, Object> after = need(IRPIN);
		List<Map<String, Object>> items = List.of(before, failing, after);

		GraphQlTester.Response first = batch(TestUser.ADMIN, items);
		first.path("logAidRequests.userErrors").entityList(Object.class).hasSize(0);
		first.path("logAidRequests.results[*].created").entityList(Boolean.class).containsExactly(true, false, true);
		first.path("logAidRequests.results[1].aidRequest")
			.valueIsNull()
			.path("logAidRequests.results[1].userErrors[0].code")
			.entity(String.class)
			.isEqualTo("INTERNAL_ERROR")
			.path("logAidRequests.results[1].userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "items", "1");
		String message = first.path("logAidRequests.results[1].userErrors[0].message").entity(String.class).get();
		assertThat(message).contains("reference").doesNotContain("Exception", "org.", "location");
		String reference = message.replaceAll(".*reference ([0-9a-f-]{36}).*", "$1");
		assertThat(output.getAll()).contains("Item 1 of a batch failed unexpectedly (reference " + reference + ")")
			.doesNotContain("Probe-Tkachenko", "765 43 21");
		assertThat(stored(items)).isEqualTo(2);

		// Once the fault is repaired, the same batch drains: nothing is logged twice.
		this.mongo.getCollection(AidRequestDocument.COLLECTION).deleteOne(new Document("_id", corrupt.get("_id")));
		batch(TestUser.ADMIN, items).path("logAidRequests.results[*].created")
			.entityList(Boolean.class)
			.containsExactly(false, true, false);
		assertThat(stored(items)).isEqualTo(3);
	}

	private GraphQlTester.Response batch(TestUser user, List<Map<String, Object>> items) {
		return as(user).document(BATCH)
			.variable("input", Map.of("items", items.stream().map(HashMap::new).toList()))
			.execute();
	}

	private long stored(List<Map<String, Object>> items) {
		List<Object> keys = items.stream().map(item -> item.get("clientRequestId")).toList();
		return this.mongo.count(Query.query(Criteria.where("clientRequestId").in(keys)), AidRequestDocument.class);
	}

}
