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

	public boolean isOpen() {
		return OPEN.contains(this);
	}

	public boolean canMoveTo(AidRequestStatus next) {
		return NEXT.get(this).contains(next);
	}

	/** The statuses this one may move to, for error messages. */
	Set<AidRequestStatus> next() {
		return NEXT.get(this);
	}

}
