package org.hromada.activity;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The head of one chain of the activity log: the position and hash of its last entry. It
 * is the one document chainers compare-and-set (on seq) to take the next positions, so
 * that replicas chaining at once never give two entries one position; a chain per
 * community keeps replicas from queueing on one head.
 * <p>
 * A chainer first claims a batch here (seq, hash and the batch as pending links), then
 * writes the links into the entries, then clears pending. A chainer that dies in between
 * leaves pending behind, and the next one writes those links (the same values) before it
 * claims anything new.
 *
 * @param chain the chain: a community's P-code, or {@link ActivityHashes#NO_COMMUNITY}
 * @param seq position of the last claimed entry
 * @param hash hash of that entry
 * @param pending links claimed but perhaps not yet written into their entries
 */
@Document(ActivityChainHead.COLLECTION)
record ActivityChainHead(@Id String chain, long seq, String hash, List<Link> pending) {

	static final String COLLECTION = "activityChains";

	static ActivityChainHead genesis(String chain) {
		return new ActivityChainHead(chain, 0, ActivityHashes.GENESIS, List.of());
	}

	ActivityChainHead {
		pending = (pending != null) ? List.copyOf(pending) : List.of();
	}

	/**
	 * The last position whose link is surely written into its entry: before the pending
	 * batch, if any.
	 */
	long writtenSeq() {
		return this.pending.isEmpty() ? this.seq : this.pending.get(0).seq() - 1;
	}

	/** The hash at {@link #writtenSeq()}. */
	String writtenHash() {
		return this.pending.isEmpty() ? this.hash : this.pending.get(0).prevHash();
	}

	/** The chain fields one entry gets. */
	record Link(String entryId, long seq, String prevHash, String hash) {

	}

}
