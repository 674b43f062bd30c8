package org.hromada.aid;

/**
 * Where an aid request stands with organisation claims, as the aid feature keeps it for
 * filters, reports and the sensitivity rules. The claim feature owns the claims and tells
 * the aid feature each change ({@link AidRequestService#claimChanged}).
 */
public enum ClaimState {

	/** No open claim: the need is in the queue for any organisation. */
	UNCLAIMED,

	/** An organisation claimed it; a coordinator has not confirmed the claim yet. */
	PENDING,

	/** A coordinator confirmed the claim: the need belongs to that organisation. */
	CONFIRMED,

	/** The need was fulfilled or closed under a confirmed claim. */
	COMPLETED;

	/** Whether an organisation holds the need (an open claim). */
	public boolean isOpen() {
		return this == PENDING || this == CONFIRMED;
	}

	/** Whether the need is, or was, the holding organisation's work (3W, reports). */
	public boolean isConfirmed() {
		return this == CONFIRMED || this == COMPLETED;
	}

}
