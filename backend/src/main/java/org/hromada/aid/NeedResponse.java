package org.hromada.aid;

import java.time.Instant;

/**
 * The response to one need (by volunteers, or by the organisation of a confirmed claim),
 * as a 3W export lists it: no personal data, no location finer than the community.
 *
 * @param id aid request id
 * @param communityPcode community of the need
 * @param sector sector of the need
 * @param status current status
 * @param startedAt when the need was first assigned
 * @param endedAt when the need was fulfilled; null while open
 * @param peopleAffected people the need concerns (the people targeted)
 * @param claimOrganizationKey the organisation of the need's confirmed (or completed)
 * claim, which does the work; null when none
 */
public record NeedResponse(String id, String communityPcode, Sector sector, AidRequestStatus status, Instant startedAt,
		Instant endedAt, int peopleAffected, String claimOrganizationKey) {

	/** Whether the response has reached the people (the need is fulfilled or closed). */
	public boolean reached() {
		return this.status == AidRequestStatus.FULFILLED || this.status == AidRequestStatus.CLOSED;
	}

}
