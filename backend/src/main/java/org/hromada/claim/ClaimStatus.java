package org.hromada.claim;

import java.util.EnumSet;
import java.util.Set;

import org.hromada.aid.ClaimState;

/**
 * Lifecycle of an organisation's claim on a need: PENDING -> CONFIRMED (a coordinator);
 * an open claim (PENDING, CONFIRMED) ends RELEASED (the organisation), REJECTED (a
 * coordinator), EXPIRED (no progress in time), COMPLETED (the need was met under a
 * confirmed claim) or CLOSED (the need was closed otherwise). A transfer keeps the claim
 * open under another organisation.
 */
enum ClaimStatus {

	PENDING, CONFIRMED, RELEASED, REJECTED, EXPIRED, COMPLETED, CLOSED;

	static final Set<ClaimStatus> OPEN = EnumSet.of(PENDING, CONFIRMED);

	boolean isOpen() {
		return OPEN.contains(this);
	}

	/** What the claim makes of its need, for the aid feature's mirror. */
	ClaimState needState() {
		return switch (this) {
			case PENDING -> ClaimState.PENDING;
			case CONFIRMED -> ClaimState.CONFIRMED;
			case COMPLETED -> ClaimState.COMPLETED;
			default -> ClaimState.UNCLAIMED;
		};
	}

}
