package org.hromada.claim;

import java.time.Instant;
import java.util.List;

/**
 * An organisation's claim on a need, as the API shows it.
 *
 * @param expiresAt when the claim expires without further progress; null once it ended
 */
record Claim(String id, Long version, String aidRequestId, String communityPcode, String organizationKey,
		ClaimStatus status, String provides, Instant deliverBy, String claimedBy, Instant claimedAt,
		Instant lastProgressAt, Instant expiresAt, List<ClaimEvent> history, Instant createdAt, Instant updatedAt) {

}
