package org.hromada.aid;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of an aid request: NEW -> TRIAGED -> ASSIGNED -> IN_PROGRESS -> FULFILLED ->
 * CLOSED; any open state -> CANCELLED; NEW or TRIAGED -> DUPLICATE.
 */
public enum AidRequestStatus {

	NEW, TRIAGED, ASSIGNED, IN_PROGRESS, FULFILLED, CLOSED, CANCELLED, DUPLICATE;

	static final Set<AidRequestStatus> OPEN = EnumSet.of(NEW, TRIAGED, ASSIGNED, IN_PROGRESS);

	private static final Map<AidRequestStatus, Set<AidRequestStatus>> NEXT = Map.of(NEW,
			EnumSet.of(TRIAGED, CANCELLED, DUPLICATE), TRIAGED, EnumSet.of(ASSIGNED, CANCELLED, DUPLICATE), ASSIGNED,
			EnumSet.of(IN_PROGRESS, CANCELLED), IN_PROGRESS, EnumSet.of(FULFILLED, CANCELLED), FULFILLED,
			EnumSet.of(CLOSED), CLOSED, EnumSet.noneOf(AidRequestStatus.class), CANCELLED,
			EnumSet.noneOf(AidRequestStatus.class), DUPLICATE, EnumSet.noneOf(AidRequestStatus.class));

	/**
	 * Statuses a request leaves, back to TRIAGED, when the last volunteer committed to it
	 * is released (their assignment was cancelled or expired). Not a move people make:
	 * changeAidRequestStatus keeps the design's lifecycle.
	 */
	static final Set<AidRequestStatus> RELEASABLE = EnumSet.of(ASSIGNED, IN_PROGRESS);

	/** Statuses in which a request takes volunteers. */
	static final Set<AidRequestStatus> STAFFABLE = EnumSet.of(TRIAGED, ASSIGNED, IN_PROGRESS);

	public boolean isOpen() {
		return OPEN.contains(this);
	}

	/** Whether volunteers can be assigned to a request in this status. */
	public boolean isStaffable() {
		return STAFFABLE.contains(this);
	}

	public boolean canMoveTo(AidRequestStatus next) {
		return NEXT.get(this).contains(next);
	}

	/** The statuses this one may move to, for error messages. */
	Set<AidRequestStatus> next() {
		return NEXT.get(this);
	}

}
