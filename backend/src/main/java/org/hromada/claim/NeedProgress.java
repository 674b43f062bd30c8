package org.hromada.claim;

import org.hromada.aid.AidRequestClosed;
import org.hromada.aid.AidRequestStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows the needs under claim: a status change is progress of the open claim, and a
 * need no longer open (met, cancelled, a duplicate) ends it and frees the organisation's
 * place under the cap. A failure here never fails the coordinator's change: the expiry
 * run settles the claim from the need's state later.
 */
@Component
class NeedProgress {

	private static final Logger log = LoggerFactory.getLogger(NeedProgress.class);

	private final ClaimService claims;

	NeedProgress(ClaimService claims) {
		this.claims = claims;
	}

	@EventListener
	void on(AidRequestStatusChanged changed) {
		try {
			this.claims.needMoved(changed.aidRequestId());
		}
		catch (RuntimeException ex) {
			log.warn("Claim of aid request {} not updated, settled by the expiry run: {}", changed.aidRequestId(),
					ex.getClass().getName());
		}
	}

	@EventListener
	void on(AidRequestClosed closed) {
		try {
			this.claims.needEnded(closed.aidRequestId());
		}
		catch (RuntimeException ex) {
			log.warn("Claim of aid request {} not ended, settled by the expiry run: {}", closed.aidRequestId(),
					ex.getClass().getName());
		}
	}

}
