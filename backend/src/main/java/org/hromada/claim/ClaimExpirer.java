package org.hromada.claim;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires, by itself, every open claim without progress for
 * {@code hromada.claim.progress-timeout}, so that a need an organisation does not act on
 * returns to the queue. Run on the same scheduler as assignment expiry, on every replica:
 * each claim expires through one write conditioned on the version read, which only one
 * replica wins, and only the winner logs it (claim.expired, which the organisation
 * follows through claimChanged).
 */
@Component
class ClaimExpirer {

	private static final Logger log = LoggerFactory.getLogger(ClaimExpirer.class);

	private static final int BATCH = 500;

	private final ClaimService claims;

	private final Clock clock;

	ClaimExpirer(ClaimService claims, Clock clock) {
		this.claims = claims;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${hromada.claim.expiry-interval:1m}",
			initialDelayString = "${hromada.claim.expiry-interval:1m}")
	void scheduledRun() {
		try {
			int expired = run();
			if (expired > 0) {
				log.info("Claim expiry: {} claims expired", expired);
			}
		}
		catch (RuntimeException ex) {
			// The store may be away; the next run tries again.
			log.warn("Claim expiry failed, retrying next run: {}", ex.toString());
		}
	}

	/**
	 * Expires what is due now; returns how many this run expired (lost races excluded).
	 */
	int run() {
		return run(null);
	}

	/** Expires what is due now among the claims matching the scope, if any. */
	int run(Criteria scope) {
		Instant now = this.clock.instant();
		int expired = 0;
		for (String id : this.claims.due(now, BATCH, scope)) {
			try {
				if (this.claims.expire(id, now)) {
					expired++;
				}
			}
			catch (RuntimeException ex) {
				// One claim's failure must not stop the batch. Ids only.
				log.warn("Claim expiry of {} failed, retrying next run: {}", id, ex.getClass().getName());
			}
		}
		return expired;
	}

}
