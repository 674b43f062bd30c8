package org.hromada.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.hromada.support.GraphQlSockets;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A claim without progress expires by itself, once however many replicas run the job, and
 * the need returns to the queue; the organisation learns it through claimChanged.
 */
class ClaimExpiryTests extends ClaimTestSupport {

	@Autowired
	private ClaimService claims;

	@Autowired
	private ClaimSettings settings;

	@Autowired
	private MongoTemplate mongo;

	@Test
	void aClaimWithoutProgressExpiresOnceAcrossReplicasAndTheNeedReturnsToTheQueue() throws Exception {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		String key = newOrganization();
		Person partner = partnerOf(key);
		List<String> claimIds = new ArrayList<>();
		List<String> needs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String need = need(coordinator, pcode);
			needs.add(need);
			claimIds.add(claimed(partner, need));
		}
		change(coordinator, "confirmClaim", Map.of("id", claimIds.get(0)));
		WebSocketGraphQlClient socket = GraphQlSockets.client(this.port, TestTokens.accessToken(TestUser.PARTNER_RELIEF,
				claims -> claims.subject("partner-socket").claim("organization", key)));
		Queue<ClientGraphQlResponse> events = new ConcurrentLinkedQueue<>();
		Disposable subscription = socket.document("subscription { claimChanged { id status organizationKey } }")
			.executeSubscription()
			.subscribe(events::add);
		try {
			socket.document("{ me { id } }").execute().block(Duration.ofSeconds(15));
			// Not yet due: nothing expires.
			assertThat(expirerAt(this.settings.progressTimeout().minusMinutes(1)).run(scope(pcode))).isZero();

			ClaimExpirer first = expirerAt(this.settings.progressTimeout().plusMinutes(1));
			ClaimExpirer second = expirerAt(this.settings.progressTimeout().plusMinutes(1));
			ExecutorService pool = Executors.newFixedThreadPool(2);
			int expired = 0;
			try {
				List<Future<Integer>> runs = new ArrayList<>();
				for (ClaimExpirer expirer : List.of(first, second)) {
					runs.add(pool.submit((Callable<Integer>) () -> expirer.run(scope(pcode))));
				}
				for (Future<Integer> run : runs) {
					expired += run.get();
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(expired).isEqualTo(3);
			for (int i = 0; i < 3; i++) {
				assertThat(this.mongo.findById(claimIds.get(i), ClaimDocument.class).getStatus())
					.isEqualTo(ClaimStatus.EXPIRED);
				assertThat(actions(claimIds.get(i)).stream().filter("claim.expired"::equals)).hasSize(1);
			}
			partner.client()
				.document("query($id: ID!) { aidRequest(id: $id) { claimState contact { phone } } }")
				.variable("id", needs.get(0))
				.execute()
				.path("aidRequest.claimState")
				.entity(String.class)
				.isEqualTo("UNCLAIMED")
				.path("aidRequest.contact")
				.valueIsNull();
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(events)
					.extracting(event -> event.field("claimChanged.status").toEntity(String.class))
					.filteredOn("EXPIRED"::equals)
					.hasSize(3));
			// Back in the queue: the organisation may claim again, its places freed.
			claimed(partnerOf(key), needs.get(1));
		}
		finally {
			subscription.dispose();
			socket.stop().block(Duration.ofSeconds(15));
		}
	}

	@Test
	void aStatusChangeOfTheNeedIsProgressThatKeepsTheClaim() throws Exception {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		String need = need(coordinator, pcode);
		String claim = claimed(partnerOf(newOrganization()), need);
		Instant claimedAt = this.mongo.findById(claim, ClaimDocument.class).getClaimedAt();
		Thread.sleep(50);
		coordinator.client()
			.documentName("changeAidRequestStatus")
			.variable("input", Map.of("id", need, "version", version(coordinator, need), "status", "TRIAGED"))
			.execute()
			.path("changeAidRequestStatus.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		Instant progress = this.mongo.findById(claim, ClaimDocument.class).getLastProgressAt();
		assertThat(progress).isAfter(claimedAt);

		// Due by the time of the claim, not by the time of its last progress.
		Instant at = progress.plus(this.settings.progressTimeout()).minusMillis(1);
		assertThat(at).isAfter(claimedAt.plus(this.settings.progressTimeout()));
		assertThat(new ClaimExpirer(this.claims, Clock.fixed(at, ZoneOffset.UTC)).run(scope(pcode))).isZero();
		assertThat(this.mongo.findById(claim, ClaimDocument.class).getStatus()).isEqualTo(ClaimStatus.PENDING);
	}

	private long version(Person coordinator, String need) {
		return coordinator.client()
			.document("query($id: ID!) { aidRequest(id: $id) { version } }")
			.variable("id", need)
			.execute()
			.path("aidRequest.version")
			.entity(Long.class)
			.get();
	}

	private ClaimExpirer expirerAt(Duration ahead) {
		return new ClaimExpirer(this.claims, Clock.fixed(Instant.now().plus(ahead), ZoneOffset.UTC));
	}

	private static Criteria scope(String pcode) {
		return Criteria.where("communityPcode").is(pcode);
	}

	private List<String> actions(String claimId) {
		return as(TestUser.ADMIN).document(
				"query($id: ID!) { activities(filter: { entityId: $id }, first: 100) { edges { node { action } } } }")
			.variable("id", claimId)
			.execute()
			.path("activities.edges[*].node.action")
			.entityList(String.class)
			.get();
	}

}
