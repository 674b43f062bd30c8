package org.hromada.claim;

import java.util.List;

import org.hromada.aid.AidRequestClaim;
import org.hromada.aid.AidRequestService;
import org.hromada.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps each need's mirror of its claim (claim state and organisation, which filters,
 * reports and who sees what read) in step with the claim, without a transaction. The
 * claim is written first, marked {@code mirrorPending} in that same write; the need's
 * mirror second; then the mark is removed, only if the claim is still at the version
 * mirrored. A crash or fault between the two writes leaves the mark, and
 * {@link #repair()}, run on every replica, writes the mirror again. Both steps are
 * idempotent: the need applies a claim's version only when it is newer than what it holds
 * ({@link AidRequestClaim}), and the mark is removed by a write conditioned on the
 * version, so replicas repairing the same claim at once, or a repair racing the claim's
 * own write, leave the same result.
 */
@Component
class ClaimMirrors {

	static final String PENDING = "mirrorPending";

	private static final Logger log = LoggerFactory.getLogger(ClaimMirrors.class);

	private static final int BATCH = 500;

	private final MongoTemplate mongo;

	private final AidRequestService needs;

	ClaimMirrors(MongoTemplate mongo, AidRequestService needs) {
		this.mongo = mongo;
		this.needs = needs;
	}

	/** Marks a claim about to be written as not yet mirrored. */
	static void pending(ClaimDocument claim) {
		claim.setMirrorPending(Boolean.TRUE);
	}

	/**
	 * Writes the need's mirror of this version of the claim, then removes the claim's
	 * mark if no later write has come since.
	 */
	void mirror(ClaimDocument claim, Caller by) {
		this.needs.claimChanged(claim.getAidRequestId(), new AidRequestClaim(claim.getId(), claim.getClaimedAt(),
				claim.getVersion(), claim.getOrganizationKey(), claim.getStatus().needState()), by);
		Query written = new Query(
				Criteria.where("_id").is(claim.getId()).and("version").is(claim.getVersion()).and(PENDING).is(true));
		// Setting the version to itself keeps it: the mark is not a change of the claim,
		// and a concurrent writer holding this version must not lose its race for it.
		this.mongo.updateFirst(written, new Update().unset(PENDING).set("version", claim.getVersion()),
				ClaimDocument.class);
	}

	/**
	 * Mirrors the claims still marked (at most a batch a run); returns how many it
	 * mirrored. One claim's failure does not stop the others: its mark stays for the next
	 * run.
	 */
	int repair() {
		List<ClaimDocument> claims = this.mongo.find(new Query(Criteria.where(PENDING).is(true)).limit(BATCH),
				ClaimDocument.class);
		int mirrored = 0;
		for (ClaimDocument claim : claims) {
			try {
				mirror(claim, Caller.SYSTEM);
				mirrored++;
			}
			catch (RuntimeException ex) {
				// Ids only, never the claim's text.
				log.warn("Claim mirror of {} failed, retrying next run: {}", claim.getId(), ex.getClass().getName());
			}
		}
		return mirrored;
	}

}
