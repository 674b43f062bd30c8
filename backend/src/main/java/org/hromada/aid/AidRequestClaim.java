package org.hromada.aid;

import java.time.Instant;
import java.util.Comparator;
import java.util.Set;

import org.hromada.security.Sensitivity;

/**
 * The claim an aid request is under, as the aid feature mirrors it from the claim
 * feature: the latest claim made on the request, its organisation and where it stands.
 * Changes can reach the request out of order (two requests finishing at once), so a
 * change is applied only when it is newer: a later claim, or a later version of the same
 * claim.
 *
 * @param claimId id of the claim
 * @param claimedAt when the claim was made
 * @param claimVersion version of the claim this mirror reflects
 * @param organizationKey organisation holding the claim
 * @param state where the request stands
 */
public record AidRequestClaim(String claimId, Instant claimedAt, long claimVersion, String organizationKey,
		ClaimState state) {

	private static final Comparator<AidRequestClaim> ORDER = Comparator.comparing(AidRequestClaim::claimedAt)
		.thenComparing(AidRequestClaim::claimId)
		.thenComparingLong(AidRequestClaim::claimVersion);

	boolean isNewerThan(AidRequestClaim other) {
		return other == null || ORDER.compare(this, other) > 0;
	}

	/**
	 * The organisations whose partners see the request's fields of this sensitivity
	 * because of this claim: once confirmed, the holder sees its RESTRICTED fields (the
	 * need is theirs, also after it is fulfilled), and its contact only while the claim
	 * is confirmed and the need still open. An unconfirmed claim reveals nothing.
	 */
	static Set<String> entitled(AidRequestClaim claim, AidRequestStatus status, Sensitivity sensitivity) {
		if (claim == null || claim.organizationKey() == null) {
			return Set.of();
		}
		boolean sees = (sensitivity == Sensitivity.CONFIDENTIAL)
				? claim.state() == ClaimState.CONFIRMED && status.isOpen() : claim.state().isConfirmed();
		return sees ? Set.of(claim.organizationKey()) : Set.of();
	}

}
