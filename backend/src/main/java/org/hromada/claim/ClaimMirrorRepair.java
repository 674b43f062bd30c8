package org.hromada.claim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Repairs, on every replica on the claim expiry schedule, the needs' mirrors of claims
 * written without their mirror ({@link ClaimMirrors}): a process stopped, or the store
 * failed, between a claim's write and its need's.
 */
@Component
class ClaimMirrorRepair {

	private static final Logger log = LoggerFactory.getLogger(ClaimMirrorRepair.class);

	private final ClaimMirrors mirrors;

	ClaimMirrorRepair(ClaimMirrors mirrors) {
		this.mirrors = mirrors;
	}

	@Scheduled(fixedDelayString = "${hromada.claim.expiry-interval:1m}",
			initialDelayString = "${hromada.claim.expiry-interval:1m}")
	void scheduledRun() {
		try {
			int repaired = this.mirrors.repair();
			if (repaired > 0) {
				log.info("Claim mirrors: {} needs brought up to date with their claims", repaired);
			}
		}
		catch (RuntimeException ex) {
			// The store may be away; the marks stay, and the next run tries again.
			log.warn("Claim mirror repair failed, retrying next run: {}", ex.toString());
		}
	}

}
