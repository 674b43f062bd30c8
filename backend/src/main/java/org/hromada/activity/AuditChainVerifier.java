package org.hromada.activity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.bson.types.ObjectId;
import org.hromada.activity.AuditVerification.Mismatch;
import org.hromada.activity.AuditVerification.Problem;
import org.hromada.graphql.BadRequestException;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Checks one chain of the activity log against its hashes: walks its entries by position
 * and names the first one that was edited (its content no longer gives its hash), is
 * missing (a gap in the positions, or fewer entries than the head records) or was
 * reordered (it links to an entry that stands elsewhere). The community's entries
 * appended before the check are chained first, so the check covers them.
 */
@Service
class AuditChainVerifier {

	private static final int PAGE = 1000;

	private static final Sort BY_POSITION = Sort.by(Sort.Order.asc("seq"), Sort.Order.asc("_id"));

	private final MongoTemplate mongo;

	private final ActivityChainer chainer;

	AuditChainVerifier(MongoTemplate mongo, ActivityChainer chainer) {
		this.mongo = mongo;
		this.chainer = chainer;
	}

	/**
	 * Verifies the chain of a community (null: the chain of records without one) over the
	 * entries stamped from (inclusive) to (inclusive); without to, up to the chain's
	 * head, which is then checked as well. With throughSeq, the check ends at that
	 * position (a checkpoint's head), which must exist.
	 */
	AuditVerification verify(String communityPcode, Instant from, Instant to, Long throughSeq) {
		if (from != null && to != null && from.isAfter(to)) {
			throw new BadRequestException("from must not be after to");
		}
		if (throughSeq != null && throughSeq < 1) {
			throw new BadRequestException("throughSeq must be at least 1");
		}
		this.chainer.chainAll(communityPcode);
		String chain = ActivityHashes.chainOf(communityPcode);
		ActivityChainHead head = this.mongo.findById(chain, ActivityChainHead.class);
		if (head == null) {
			head = ActivityChainHead.genesis(chain);
		}
		Long start = (from != null) ? boundary(chain, Criteria.where("at").gte(from), Sort.Direction.ASC) : 1L;
		Long end = (to != null) ? boundary(chain, Criteria.where("at").lte(to), Sort.Direction.DESC)
				: head.writtenSeq();
		if (throughSeq != null) {
			// Beyond the head too: a checkpoint's position the chain no longer reaches is
			// reported missing.
			end = (to != null && end != null && end < throughSeq) ? end : throughSeq;
		}
		if (start == null || end == null || start > end) {
			return new AuditVerification(chain, true, 0, 0, ActivityHashes.GENESIS, null);
		}
		return new Walk(chain, start, end, (to == null && throughSeq == null) ? head : null).run();
	}

	/**
	 * Position of the first (ASC) or last (DESC) entry of the chain meeting the
	 * condition.
	 */
	private Long boundary(String chain, Criteria condition, Sort.Direction direction) {
		ActivityDocument entry = this.mongo
			.findOne(new Query(Criteria.where("chain").is(chain).andOperator(condition)).with(Sort.by(direction, "seq"))
				.limit(1), ActivityDocument.class);
		return (entry != null) ? entry.seq() : null;
	}

	/** One pass over positions start to end; the head, when given, must end it. */
	private final class Walk {

		private final String chain;

		private final long start;

		private final long end;

		private final ActivityChainHead head;

		private long count;

		private long lastSeq;

		private String lastHash;

		private String lastId;

		Walk(String chain, long start, long end, ActivityChainHead head) {
			this.chain = chain;
			this.start = start;
			this.end = end;
			this.head = head;
		}

		AuditVerification run() {
			Mismatch mismatch = startFromPredecessor();
			ActivityDocument previous = null;
			while (mismatch == null) {
				List<ActivityDocument> page = AuditChainVerifier.this.mongo.find(page(previous),
						ActivityDocument.class);
				for (ActivityDocument entry : page) {
					mismatch = check(entry);
					if (mismatch != null) {
						break;
					}
					this.count++;
					this.lastSeq = entry.seq();
					this.lastHash = entry.hash();
					this.lastId = entry.id();
				}
				if (page.size() < PAGE) {
					break;
				}
				previous = page.get(page.size() - 1);
			}
			if (mismatch == null) {
				mismatch = checkEnd();
			}
			return new AuditVerification(this.chain, mismatch == null, this.count, this.lastSeq, this.lastHash,
					mismatch);
		}

		/** The entry before the range, whose hash the first one must follow. */
		private Mismatch startFromPredecessor() {
			this.lastSeq = this.start - 1;
			if (this.start == 1) {
				this.lastHash = ActivityHashes.GENESIS;
				return null;
			}
			ActivityDocument predecessor = AuditChainVerifier.this.mongo.findOne(
					new Query(Criteria.where("chain").is(this.chain).and("seq").is(this.lastSeq)),
					ActivityDocument.class);
			if (predecessor == null) {
				return new Mismatch(this.lastSeq, null, Problem.MISSING,
						"The entry at position " + this.lastSeq + ", just before the range, is missing");
			}
			this.lastHash = predecessor.hash();
			this.lastId = predecessor.id();
			return null;
		}

		private Query page(ActivityDocument after) {
			Criteria range = Criteria.where("chain").is(this.chain).and("seq").gte(this.start).lte(this.end);
			if (after != null) {
				range = new Criteria().andOperator(range,
						new Criteria().orOperator(Criteria.where("seq").gt(after.seq()),
								new Criteria().andOperator(Criteria.where("seq").is(after.seq()),
										Criteria.where("_id").gt(new ObjectId(after.id())))));
			}
			return new Query(range).with(BY_POSITION).limit(PAGE);
		}

		private Mismatch check(ActivityDocument entry) {
			long expected = this.lastSeq + 1;
			if (entry.seq() < expected) {
				return new Mismatch(entry.seq(), entry.id(), Problem.REORDERED, "Entry " + entry.id()
						+ " holds position " + entry.seq() + ", which entry " + this.lastId + " holds too");
			}
			if (entry.seq() > expected) {
				return missing(expected, entry.seq() - 1, entry.id());
			}
			if (!ActivityHashes.hash(entry.prevHash(), entry).equals(entry.hash())) {
				return new Mismatch(entry.seq(), entry.id(), Problem.EDITED, "Entry " + entry.id() + " at position "
						+ entry.seq() + " was changed after it was chained: its content no longer gives its hash");
			}
			if (!Objects.equals(entry.prevHash(), this.lastHash)) {
				return brokenLink(entry);
			}
			return null;
		}

		/**
		 * The entry's own hash holds but it does not follow the entry before it: it
		 * follows an entry that stands elsewhere (reordered), or one whose hash is
		 * nowhere any more (the entry before was rewritten with a new hash).
		 */
		private Mismatch brokenLink(ActivityDocument entry) {
			ActivityDocument followed = (entry.prevHash() != null) ? AuditChainVerifier.this.mongo.findOne(
					new Query(Criteria.where("chain").is(this.chain).and("hash").is(entry.prevHash())),
					ActivityDocument.class) : null;
			if (followed != null) {
				return new Mismatch(entry.seq(), entry.id(), Problem.REORDERED,
						"Entry " + entry.id() + " at position " + entry.seq() + " was chained after entry "
								+ followed.id() + ", which now stands at position " + followed.seq());
			}
			if (this.lastId == null) {
				return new Mismatch(entry.seq(), entry.id(), Problem.EDITED,
						"Entry " + entry.id() + " at position 1 does not start the chain");
			}
			return new Mismatch(this.lastSeq, this.lastId, Problem.EDITED,
					"Entry " + this.lastId + " at position " + this.lastSeq + " was rewritten with a new hash: entry "
							+ entry.id() + " after it was chained after another entry (or entries between were removed "
							+ "and the rest renumbered)");
		}

		private Mismatch checkEnd() {
			if (this.lastSeq < this.end) {
				return missing(this.lastSeq + 1, this.end, null);
			}
			if (this.head != null && !Objects.equals(this.head.writtenHash(), this.lastHash)) {
				return new Mismatch(this.lastSeq, this.lastId, Problem.EDITED, "Entry " + this.lastId + " at position "
						+ this.lastSeq + " does not carry the hash the chain's head records");
			}
			return null;
		}

		private Mismatch missing(long from, long to, String nextId) {
			String positions = (from == to) ? "position " + from : "positions " + from + " to " + to;
			return new Mismatch(from, nextId, Problem.MISSING, "The entries at " + positions + " are missing"
					+ ((nextId != null) ? "; the next entry is " + nextId : ", up to the chain's head"));
		}

	}

}
