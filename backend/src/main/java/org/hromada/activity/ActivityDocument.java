package org.hromada.activity;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the append-only activity log. Entries are inserted, never deleted; their
 * content is never updated, so they carry no version. The summary names records, never
 * people's details.
 * <p>
 * The last four fields link the entry into the tamper-evident chain of its community
 * ({@link ActivityChainer}): absent when inserted, set once, shortly after, by the
 * chainer in one single-document update.
 *
 * @param chain the chain the entry belongs to: its community's P-code, or
 * {@link ActivityHashes#NO_COMMUNITY}
 * @param seq position in the chain, from 1, without gaps
 * @param prevHash hash of the entry before it in the chain
 * ({@link ActivityHashes#GENESIS} for the first)
 * @param hash hash of this entry's canonical form and of prevHash
 */
@Document(ActivityDocument.COLLECTION)
record ActivityDocument(@Id String id, Instant at, String actorId, String action, String entityType, String entityId,
		String communityPcode, String summary, String key, String chain, Long seq, String prevHash, String hash) {

	static final String COLLECTION = "activities";

	/** A new entry, not yet chained. */
	static ActivityDocument append(Instant at, String actorId, String action, String entityType, String entityId,
			String communityPcode, String summary, String key) {
		return new ActivityDocument(null, at, actorId, action, entityType, entityId, communityPcode, summary, key, null,
				null, null, null);
	}

}
