package org.hromada.claim;

import java.time.Instant;

/**
 * One step in a claim's history: a change of status, a transfer or a progress note.
 *
 * @param kind what happened
 * @param status the claim's status after it
 * @param organizationKey the organisation holding the claim after it
 * @param by Keycloak subject of who did it ("system" for expiry)
 * @param at when
 * @param note what was said: what is provided, the reason, the progress
 */
record ClaimEvent(Kind kind, ClaimStatus status, String organizationKey, String by, Instant at, String note) {

	/** What happened to a claim; mirrors the schema enum ClaimEventKind. */
	enum Kind {

		CLAIMED, CONFIRMED, REJECTED, RELEASED, TRANSFERRED, PROGRESS, EXPIRED, COMPLETED, CLOSED

	}

}
