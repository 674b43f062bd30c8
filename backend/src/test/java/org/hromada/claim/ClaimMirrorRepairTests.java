package org.hromada.claim;

import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.hromada.aid.AidRequestService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

/**
 * A claim is written before its need's mirror of it, without a transaction: when the
 * second write fails, the claim keeps its mark and the repair job, on any replica, brings
 * the need's claim state and organisation up to date; a repeated or concurrent repair
 * changes nothing more.
 */
class ClaimMirrorRepairTests extends ClaimTestSupport {

	private static final String NEED = "query($id: ID!) { aidRequest(id: $id) { claimState claimOrganizationKey } }";

	@MockitoSpyBean
	private AidRequestService needs;

	@Autowired
	private ClaimMirrors mirrors;

	@Autowired
	private MongoTemplate mongo;

	@Test
	void aMirrorLostBetweenTheTwoWritesIsRepairedBySweepOnAnyReplica() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		String need = need(coordinator, pcode);
		String key = newOrganization();
		String claim = claimed(partnerOf(key), need);
		assertThat(claimDocument(claim)).as("mirrored at once: no mark left").doesNotContainKey("mirrorPending");

		doThrow(new DataAccessResourceFailureException("store unreachable")).when(this.needs)
			.claimChanged(eq(need), any(), any());
		coordinator.client()
			.documentName("confirmClaim")
			.variable("input", Map.of("id", claim))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
		doCallRealMethod().when(this.needs).claimChanged(any(), any(), any());

		assertThat(claimDocument(claim)).containsEntry("status", "CONFIRMED").containsEntry("mirrorPending", true);
		read(coordinator, need).path("aidRequest.claimState").entity(String.class).isEqualTo("PENDING");

		assertThat(this.mirrors.repair()).isPositive();
		GraphQlTester.Response repaired = read(coordinator, need);
		repaired.path("aidRequest.claimState").entity(String.class).isEqualTo("CONFIRMED");
		repaired.path("aidRequest.claimOrganizationKey").entity(String.class).isEqualTo(key);
		Document after = claimDocument(claim);
		assertThat(after).doesNotContainKey("mirrorPending");

		// A second replica's run, late: nothing left to do, nothing changes.
		this.mirrors.repair();
		assertThat(claimDocument(claim).get("version")).isEqualTo(after.get("version"));
		read(coordinator, need).path("aidRequest.claimState").entity(String.class).isEqualTo("CONFIRMED");
	}

	private Document claimDocument(String id) {
		return this.mongo.getCollection(ClaimDocument.COLLECTION).find(new Document("_id", new ObjectId(id))).first();
	}

	private static GraphQlTester.Response read(Person person, String need) {
		return person.client().document(NEED).variable("id", need).execute();
	}

}
