package org.hromada.aid;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.aid.AidRequestStatus.ASSIGNED;
import static org.hromada.aid.AidRequestStatus.CANCELLED;
import static org.hromada.aid.AidRequestStatus.CLOSED;
import static org.hromada.aid.AidRequestStatus.DUPLICATE;
import static org.hromada.aid.AidRequestStatus.FULFILLED;
import static org.hromada.aid.AidRequestStatus.IN_PROGRESS;
import static org.hromada.aid.AidRequestStatus.NEW;
import static org.hromada.aid.AidRequestStatus.TRIAGED;

/** The lifecycle of DESIGN.md, checked for every pair of statuses. */
class AidRequestStatusTests {

	private static final Map<AidRequestStatus, Set<AidRequestStatus>> DESIGN = Map.of(NEW,
			Set.of(TRIAGED, CANCELLED, DUPLICATE), TRIAGED, Set.of(ASSIGNED, CANCELLED, DUPLICATE), ASSIGNED,
			Set.of(IN_PROGRESS, CANCELLED), IN_PROGRESS, Set.of(FULFILLED, CANCELLED), FULFILLED, Set.of(CLOSED),
			CLOSED, Set.of(), CANCELLED, Set.of(), DUPLICATE, Set.of());

	@Test
	void everyPairOfStatusesIsAllowedExactlyAsDesigned() {
		for (AidRequestStatus from : AidRequestStatus.values()) {
			for (AidRequestStatus to : AidRequestStatus.values()) {
				assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(DESIGN.get(from).contains(to));
			}
		}
	}

	@Test
	void openStatusesAreThoseBeforeFulfilment() {
		assertThat(AidRequestStatus.OPEN).containsExactlyInAnyOrder(NEW, TRIAGED, ASSIGNED, IN_PROGRESS);
	}

	/**
	 * Volunteers are assigned to triaged requests and those already staffed; a request
	 * whose last committed volunteer is released goes back to TRIAGED, a move the
	 * assignment feature makes, never people (changeAidRequestStatus keeps the design's
	 * lifecycle above).
	 */
	@Test
	void triagedAndStaffedRequestsTakeVolunteersAndOnlyStaffedOnesAreReleased() {
		assertThat(AidRequestStatus.STAFFABLE).containsExactlyInAnyOrder(TRIAGED, ASSIGNED, IN_PROGRESS);
		assertThat(AidRequestStatus.RELEASABLE).containsExactlyInAnyOrder(ASSIGNED, IN_PROGRESS);
		assertThat(ASSIGNED.canMoveTo(TRIAGED)).isFalse();
		assertThat(IN_PROGRESS.canMoveTo(TRIAGED)).isFalse();
	}

}
