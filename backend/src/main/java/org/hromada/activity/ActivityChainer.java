package org.hromada.activity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Links new activity entries into the hash chain of their community, in batches, behind
 * the writes: appending an entry stays one insert, and a batch of entries costs a few
 * commands whatever its size (which chains have entries waiting, their heads, their
 * waiting entries, one compare-and-set per chain, one bulk write of the links, one clear
 * per chain). Every replica runs it; the compare-and-set on each head
 * ({@link ActivityChainHead}) makes sure each position goes to one entry only.
 * <p>
 * Entries are taken oldest first (at, id); an entry stamped a little earlier than one
 * already chained (another replica's clock) simply gets the next position: the chain's
 * order is its positions, proven by the links.
 */
@Component
class ActivityChainer {

	private static final Logger log = LoggerFactory.getLogger(ActivityChainer.class);

	/** Enough rounds to chain a backlog of many batches in one call, bounded. */
	private static final int MAX_ROUNDS = 20;

	private final MongoTemplate mongo;

	private final int batchSize;

	private volatile boolean failing;

	ActivityChainer(MongoTemplate mongo, AuditSettings settings) {
		this.mongo = mongo;
		this.batchSize = settings.chainBatchSize();
	}

	@Scheduled(fixedDelayString = "${hromada.audit.chain-interval:1s}",
			initialDelayString = "${hromada.audit.chain-interval:1s}")
	void scheduledRun() {
		try {
			chainPending();
			if (this.failing) {
				log.info("Activity chaining works again");
			}
			this.failing = false;
		}
		catch (RuntimeException ex) {
			// The store may be away: the entries stay unchained until the next run.
			if (!this.failing) {
				log.warn("Activity chaining failed, retrying next run: {}", ex.getClass().getSimpleName());
			}
			this.failing = true;
		}
	}

	/**
	 * Chains the entries appended so far, batch after batch (at most a bounded number of
	 * batches); returns how many entries this call linked.
	 */
	int chainPending() {
		int linked = 0;
		for (int round = 0; round < MAX_ROUNDS; round++) {
			Round result = chainBatch(null);
			linked += result.linked();
			if (!result.more()) {
				break;
			}
		}
		return linked;
	}

	/**
	 * Chains every entry of one community (null: of records without one) appended so far,
	 * however many, before its chain is verified; returns how many this call linked.
	 */
	int chainAll(String communityPcode) {
		int linked = 0;
		Round result;
		do {
			result = chainBatch(Collections.singletonList(communityPcode));
			linked += result.linked();
		}
		while (result.more());
		return linked;
	}

	/** One batch: what it linked, and whether more entries may be waiting. */
	record Round(int linked, boolean more) {

	}

	/**
	 * One batch of the unchained entries of the communities (null in the list: records
	 * without one), or of any, oldest first.
	 * <p>
	 * The heads are read before the entries chained from them: an entry another chainer
	 * linked after this one read it would otherwise be chained twice. Read in this order,
	 * an entry linked meanwhile was claimed either after the heads were read (this
	 * chainer's compare-and-set then fails) or before (its head then shows the claim as
	 * pending, or its link is written and the entry no longer unchained).
	 */
	Round chainBatch(List<String> communityPcodes) {
		List<String> communities = communityPcodes;
		if (communities == null) {
			List<ActivityDocument> waiting = unchained(null);
			if (waiting.isEmpty()) {
				return new Round(0, false);
			}
			communities = waiting.stream().map(ActivityDocument::communityPcode).distinct().toList();
		}
		List<String> chains = communities.stream().map(ActivityHashes::chainOf).toList();
		Map<String, ActivityChainHead> heads = this.mongo
			.find(new Query(Criteria.where("_id").in(chains)), ActivityChainHead.class)
			.stream()
			.collect(Collectors.toMap(ActivityChainHead::chain, Function.identity()));
		List<ActivityDocument> unchained = unchained(communities);
		if (unchained.isEmpty()) {
			return new Round(0, false);
		}
		Map<String, List<ActivityDocument>> byChain = unchained.stream()
			.collect(Collectors.groupingBy(entry -> ActivityHashes.chainOf(entry.communityPcode()), LinkedHashMap::new,
					Collectors.toList()));

		List<ActivityChainHead> claimed = new ArrayList<>();
		boolean contended = false;
		for (Map.Entry<String, List<ActivityDocument>> chain : byChain.entrySet()) {
			ActivityChainHead head = heads.get(chain.getKey());
			if (head != null && !head.pending().isEmpty()) {
				// A chainer claimed these and may have died before writing them: write
				// them (the same values) and clear them; new entries wait a round.
				claimed.add(head);
				contended = true;
				continue;
			}
			ActivityChainHead next = extend((head != null) ? head : ActivityChainHead.genesis(chain.getKey()),
					chain.getValue());
			if (claim(head, next)) {
				claimed.add(next);
			}
			else {
				contended = true;
			}
		}
		write(claimed);
		claimed.forEach(this::clearPending);
		int linked = claimed.stream().mapToInt(head -> head.pending().size()).sum();
		return new Round(linked, contended || unchained.size() == this.batchSize);
	}

	/**
	 * Unchained entries, oldest first, a batch at most: of the communities, or of any
	 * (null). The "unchained" index serves the whole log, "community_at_id" communities.
	 */
	private List<ActivityDocument> unchained(List<String> communityPcodes) {
		Criteria unchained = Criteria.where("seq").isNull();
		if (communityPcodes != null) {
			// $in with null also matches entries without a community.
			unchained = new Criteria().andOperator(Criteria.where("communityPcode").in(communityPcodes), unchained);
		}
		return this.mongo.find(new Query(unchained).with(ActivityFeed.IN_ORDER).limit(this.batchSize),
				ActivityDocument.class);
	}

	/** The head after the entries, with their links pending. */
	private static ActivityChainHead extend(ActivityChainHead head, List<ActivityDocument> entries) {
		List<ActivityChainHead.Link> links = new ArrayList<>(entries.size());
		long seq = head.seq();
		String hash = head.hash();
		for (ActivityDocument entry : entries) {
			String entryHash = ActivityHashes.hash(hash, entry);
			links.add(new ActivityChainHead.Link(entry.id(), ++seq, hash, entryHash));
			hash = entryHash;
		}
		return new ActivityChainHead(head.chain(), seq, hash, links);
	}

	/**
	 * Takes the positions of the batch: compare-and-set on the head's position (or its
	 * first insert); false when another chainer moved the head first.
	 */
	private boolean claim(ActivityChainHead current, ActivityChainHead next) {
		if (current == null) {
			try {
				this.mongo.insert(next);
				return true;
			}
			catch (DuplicateKeyException ex) {
				return false;
			}
		}
		Query unchanged = new Query(
				Criteria.where("_id").is(current.chain()).and("seq").is(current.seq()).and("pending").size(0));
		Update update = new Update().set("seq", next.seq())
			.set("hash", next.hash())
			.set("pending", next.pending().stream().map(ActivityChainer::toDocument).toList());
		return this.mongo.updateFirst(unchanged, update, ActivityChainHead.class).getModifiedCount() == 1;
	}

	/**
	 * Writes the claimed links into their entries, in one command; an entry already
	 * linked is left as it is, so writing a link twice is harmless.
	 */
	private void write(List<ActivityChainHead> heads) {
		if (heads.isEmpty()) {
			return;
		}
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ActivityDocument.class);
		for (ActivityChainHead head : heads) {
			for (ActivityChainHead.Link link : head.pending()) {
				bulk.updateOne(new Query(Criteria.where("_id").is(link.entryId()).and("seq").isNull()),
						new Update().set("chain", head.chain())
							.set("seq", link.seq())
							.set("prevHash", link.prevHash())
							.set("hash", link.hash()));
			}
		}
		bulk.execute();
	}

	/** The batch is written: the head no longer needs to remember it. */
	private void clearPending(ActivityChainHead head) {
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(head.chain()).and("seq").is(head.seq())),
				new Update().set("pending", List.of()), ActivityChainHead.class);
	}

	private static Document toDocument(ActivityChainHead.Link link) {
		return new Document("entryId", link.entryId()).append("seq", link.seq())
			.append("prevHash", link.prevHash())
			.append("hash", link.hash());
	}

}
