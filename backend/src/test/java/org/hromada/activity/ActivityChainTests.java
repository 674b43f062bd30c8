package org.hromada.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.bson.types.ObjectId;
import org.hromada.security.Caller;
import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tamper-evident chains of the activity log: every entry gets one position in its
 * community's chain, also with several chainers at once, and verifyAuditChain names the
 * first entry that was edited, deleted or reordered directly in the store.
 */
class ActivityChainTests extends IntegrationTest {

	@Autowired
	private ActivityService activities;

	@Autowired
	private ActivityChainer chainer;

	@Autowired
	private MongoTemplate mongo;

	@Test
	void anIntactChainCountsEveryEntryAndEndsInTheLastOnesHash() {
		String pcode = uniquePcode();
		log(pcode, 5);

		Verification verification = verify(pcode);

		assertThat(verification.intact()).isTrue();
		assertThat(verification.chain()).isEqualTo(pcode);
		assertThat(verification.entries()).isEqualTo(5);
		assertThat(verification.headSeq()).isEqualTo(5);
		assertThat(verification.headHash()).isEqualTo(entryAt(pcode, 5).hash());
		assertThat(verification.firstMismatch()).isNull();
		assertThat(entryAt(pcode, 1).prevHash()).isEqualTo(ActivityHashes.GENESIS);
		assertThat(List.of(1L, 2L, 3L, 4L, 5L).stream().map(seq -> entryAt(pcode, seq).entityId()))
			.as("positions follow the order of the log")
			.containsExactly("step-0", "step-1", "step-2", "step-3", "step-4");
	}

	@Test
	void entriesWithoutACommunityHaveTheirOwnChain() {
		String marker = "no-community-" + new ObjectId();
		this.activities.record(Caller.SYSTEM, "test.step", "Test", marker, null, "a step without a community");

		Verification verification = verify(null);

		assertThat(verification.chain()).isEqualTo("-");
		assertThat(verification.intact()).isTrue();
		ActivityDocument entry = this.mongo.findOne(new Query(Criteria.where("entityId").is(marker)),
				ActivityDocument.class);
		assertThat(entry.chain()).isEqualTo("-");
		assertThat(entry.seq()).isBetween(1L, verification.headSeq());
	}

	@Test
	void anEntryEditedInTheStoreIsNamed() {
		String pcode = uniquePcode();
		log(pcode, 5);
		verify(pcode);
		ActivityDocument third = entryAt(pcode, 3);
		this.mongo.updateFirst(byId(third), Update.update("summary", "nothing happened"), ActivityDocument.class);

		Verification verification = verify(pcode);

		assertThat(verification.intact()).isFalse();
		assertThat(verification.entries()).isEqualTo(2);
		assertThat(verification.firstMismatch().problem()).isEqualTo("EDITED");
		assertThat(verification.firstMismatch().seq()).isEqualTo(3);
		assertThat(verification.firstMismatch().entryId()).isEqualTo(third.id());
	}

	@Test
	void anEntryRewrittenWithANewHashIsNamedByTheLinkOfTheNext() {
		String pcode = uniquePcode();
		log(pcode, 5);
		verify(pcode);
		ActivityDocument third = entryAt(pcode, 3);
		ActivityDocument edited = new ActivityDocument(third.id(), third.at(), "someone-else", third.action(),
				third.entityType(), third.entityId(), third.communityPcode(), third.summary(), third.key(),
				third.chain(), third.seq(), third.prevHash(), null);
		this.mongo.updateFirst(byId(third),
				Update.update("actorId", "someone-else").set("hash", ActivityHashes.hash(third.prevHash(), edited)),
				ActivityDocument.class);

		Verification verification = verify(pcode);

		assertThat(verification.firstMismatch().problem()).isEqualTo("EDITED");
		assertThat(verification.firstMismatch().seq()).isEqualTo(3);
		assertThat(verification.firstMismatch().entryId()).isEqualTo(third.id());
	}

	@Test
	void anEntryDeletedFromTheStoreIsNamed() {
		String pcode = uniquePcode();
		log(pcode, 5);
		verify(pcode);
		ActivityDocument third = entryAt(pcode, 3);
		this.mongo.remove(byId(third), ActivityDocument.class);

		Verification verification = verify(pcode);

		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstMismatch().problem()).isEqualTo("MISSING");
		assertThat(verification.firstMismatch().seq()).isEqualTo(3);
		assertThat(verification.firstMismatch().entryId()).as("the entry after the gap")
			.isEqualTo(entryAt(pcode, 4).id());
	}

	@Test
	void theLastEntryDeletedFromTheStoreIsMissedByTheHead() {
		String pcode = uniquePcode();
		log(pcode, 5);
		verify(pcode);
		this.mongo.remove(byId(entryAt(pcode, 5)), ActivityDocument.class);

		Verification verification = verify(pcode);

		assertThat(verification.intact()).isFalse();
		assertThat(verification.entries()).isEqualTo(4);
		assertThat(verification.firstMismatch().problem()).isEqualTo("MISSING");
		assertThat(verification.firstMismatch().seq()).isEqualTo(5);
	}

	@Test
	void entriesReorderedInTheStoreAreNamed() {
		String pcode = uniquePcode();
		log(pcode, 5);
		verify(pcode);
		ActivityDocument second = entryAt(pcode, 2);
		ActivityDocument third = entryAt(pcode, 3);
		this.mongo.updateFirst(byId(second), Update.update("seq", 3L), ActivityDocument.class);
		this.mongo.updateFirst(byId(third), Update.update("seq", 2L), ActivityDocument.class);

		Verification verification = verify(pcode);

		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstMismatch().problem()).isEqualTo("REORDERED");
		assertThat(verification.firstMismatch().seq()).isEqualTo(2);
		assertThat(verification.firstMismatch().entryId()).isEqualTo(third.id());
		assertThat(verification.firstMismatch().detail()).contains(second.id());
	}

	@Test
	void aTimeRangeIsCheckedFromTheEntryBeforeIt() {
		String pcode = uniquePcode();
		Instant start = Instant.parse("2026-03-01T10:00:00Z");
		for (int i = 0; i < 6; i++) {
			this.mongo.insert(ActivityDocument.append(start.plus(Duration.ofMinutes(i)), "tester", "test.step", "Test",
					"step-" + i, pcode, "step " + i, null));
		}
		verify(pcode);
		// Outside the range, and not the entry before it: not looked at.
		this.mongo.updateFirst(byId(entryAt(pcode, 1)), Update.update("summary", "changed"), ActivityDocument.class);

		Verification range = as(TestUser.ADMIN).documentName("verifyAuditChain")
			.variable("communityPcode", pcode)
			.variable("from", "2026-03-01T10:02:00Z")
			.variable("to", "2026-03-01T10:04:00Z")
			.execute()
			.path("verifyAuditChain")
			.entity(Verification.class)
			.get();

		assertThat(range.intact()).isTrue();
		assertThat(range.entries()).isEqualTo(3);
		assertThat(range.headSeq()).isEqualTo(5);
		assertThat(verify(pcode).firstMismatch().seq()).as("the whole chain still shows the edit").isEqualTo(1);
	}

	@Test
	void aPositionTheChainDoesNotReachIsMissing() {
		String pcode = uniquePcode();
		log(pcode, 3);

		Verification through = as(TestUser.ADMIN).documentName("verifyAuditChain")
			.variable("communityPcode", pcode)
			.variable("throughSeq", 5)
			.execute()
			.path("verifyAuditChain")
			.entity(Verification.class)
			.get();

		assertThat(through.intact()).isFalse();
		assertThat(through.entries()).isEqualTo(3);
		assertThat(through.firstMismatch().problem()).isEqualTo("MISSING");
		assertThat(through.firstMismatch().seq()).isEqualTo(4);
	}

	@Test
	void aRangeEndingBeforeItStartsIsRefused() {
		as(TestUser.ADMIN).documentName("verifyAuditChain")
			.variable("communityPcode", uniquePcode())
			.variable("from", "2026-03-02T00:00:00Z")
			.variable("to", "2026-03-01T00:00:00Z")
			.execute()
			.errors()
			.expect(error -> "BAD_REQUEST".equals(error.getErrorType().toString())
					&& error.getMessage().equals("from must not be after to"))
			.verify();
	}

	@Test
	void aCommunityWithoutEntriesHasAnEmptyIntactChain() {
		Verification verification = verify(uniquePcode());

		assertThat(verification.intact()).isTrue();
		assertThat(verification.entries()).isZero();
		assertThat(verification.headHash()).isEqualTo(ActivityHashes.GENESIS);
	}

	@Test
	void chainersOnSeveralReplicasAtOnceGiveEachEntryOnePosition() throws Exception {
		List<String> pcodes = List.of(uniquePcode(), uniquePcode(), uniquePcode());
		AuditSettings smallBatches = new AuditSettings(Duration.ofSeconds(1), 7, null);
		List<ActivityChainer> replicas = List.of(new ActivityChainer(this.mongo, smallBatches),
				new ActivityChainer(this.mongo, smallBatches), this.chainer);
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService threads = Executors.newFixedThreadPool(5);
		try {
			List<Future<?>> chaining = new ArrayList<>();
			for (ActivityChainer replica : replicas) {
				chaining.add(threads.submit(() -> {
					boolean last;
					do {
						last = !writing.get();
						pcodes.forEach(replica::chainAll);
					}
					while (!last);
					return null;
				}));
			}
			List<Future<?>> writers = new ArrayList<>();
			for (int writer = 0; writer < 2; writer++) {
				int offset = writer;
				writers.add(threads.submit(() -> {
					for (int i = 0; i < 60; i++) {
						this.activities.record(Caller.SYSTEM, "test.step", "Test", "step-" + offset + "-" + i,
								pcodes.get(i % 3), "step " + i);
					}
					return null;
				}));
			}
			for (Future<?> writer : writers) {
				writer.get();
			}
			writing.set(false);
			for (Future<?> replica : chaining) {
				replica.get();
			}
		}
		finally {
			threads.shutdownNow();
		}

		for (String pcode : pcodes) {
			Verification verification = verify(pcode);
			assertThat(verification.intact()).as(pcode).isTrue();
			assertThat(verification.entries()).as(pcode).isEqualTo(40);
			List<ActivityDocument> entries = this.mongo.find(new Query(Criteria.where("communityPcode").is(pcode)),
					ActivityDocument.class);
			assertThat(entries).hasSize(40);
			Set<Long> positions = entries.stream().map(ActivityDocument::seq).collect(Collectors.toSet());
			assertThat(positions).as("one position per entry, no gaps")
				.hasSize(40)
				.allMatch(seq -> seq >= 1 && seq <= 40);
		}
	}

	@Test
	void aBatchClaimedByAChainerThatDiedIsWrittenByTheNext() {
		String pcode = uniquePcode();
		Instant at = Instant.parse("2026-03-01T10:00:00Z");
		List<ActivityDocument> entries = new ArrayList<>();
		List<ActivityChainHead.Link> links = new ArrayList<>();
		String hash = ActivityHashes.GENESIS;
		for (int i = 0; i < 3; i++) {
			ActivityDocument entry = new ActivityDocument(new ObjectId().toHexString(), at.plusSeconds(i), "tester",
					"test.step", "Test", "step-" + i, pcode, "step " + i, null, null, null, null, null);
			String entryHash = ActivityHashes.hash(hash, entry);
			links.add(new ActivityChainHead.Link(entry.id(), i + 1, hash, entryHash));
			entries.add(entry);
			hash = entryHash;
		}
		// The dead chainer's claim: the head moved, the entries never got their links.
		this.mongo.insert(new ActivityChainHead(pcode, 3, hash, links));
		entries.forEach(this.mongo::insert);

		this.chainer.chainAll(pcode);

		for (ActivityChainHead.Link link : links) {
			ActivityDocument entry = this.mongo.findById(link.entryId(), ActivityDocument.class);
			assertThat(entry.seq()).isEqualTo(link.seq());
			assertThat(entry.hash()).isEqualTo(link.hash());
		}
		assertThat(this.mongo.findById(pcode, ActivityChainHead.class).pending()).isEmpty();
		Verification verification = verify(pcode);
		assertThat(verification.intact()).isTrue();
		assertThat(verification.entries()).isEqualTo(3);
	}

	private void log(String pcode, int count) {
		for (int i = 0; i < count; i++) {
			this.activities.record(Caller.SYSTEM, "test.step", "Test", "step-" + i, pcode, "step " + i);
		}
	}

	private Verification verify(String pcode) {
		return as(TestUser.ADMIN).documentName("verifyAuditChain")
			.variable("communityPcode", pcode)
			.execute()
			.path("verifyAuditChain")
			.entity(Verification.class)
			.get();
	}

	private ActivityDocument entryAt(String pcode, long seq) {
		return this.mongo.findOne(new Query(Criteria.where("chain").is(pcode).and("seq").is(seq)),
				ActivityDocument.class);
	}

	private static Query byId(ActivityDocument entry) {
		return new Query(Criteria.where("_id").is(new ObjectId(entry.id())));
	}

	record Verification(String chain, boolean intact, long entries, long headSeq, String headHash,
			Mismatch firstMismatch) {

	}

	record Mismatch(long seq, String entryId, String problem, String detail) {

	}

}
