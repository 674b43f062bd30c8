package org.hromada.assignment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of an assignment: OFFERED -> ACCEPTED | DECLINED; ACCEPTED -> IN_PROGRESS ->
 * COMPLETED; OFFERED, ACCEPTED, IN_PROGRESS -> CANCELLED; OFFERED, ACCEPTED, IN_PROGRESS
 * -> EXPIRED (IN_PROGRESS: not completed in time, the work taken as not done).
 */
public enum AssignmentStatus {

	OFFERED, ACCEPTED, DECLINED, IN_PROGRESS, COMPLETED, CANCELLED, EXPIRED;

	/** Statuses that hold the volunteer's time (a booking in their schedule). */
	static final Set<AssignmentStatus> ACTIVE = EnumSet.of(OFFERED, ACCEPTED, IN_PROGRESS);

	/** Statuses in which the volunteer is committed to the task. */
	static final Set<AssignmentStatus> COMMITTED = EnumSet.of(ACCEPTED, IN_PROGRESS);

	public boolean isActive() {
		return ACTIVE.contains(this);
	}

}
