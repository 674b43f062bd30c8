package org.hromada.project;

import java.time.Instant;

/**
 * A milestone of a project, embedded in it, as stored and shown.
 *
 * @param id unique across projects (volunteer assignments point at it)
 * @param title short title
 * @param plannedStart planned start, may be null
 * @param plannedEnd planned end, not before the planned start, may be null
 * @param actualStart actual start, may be null
 * @param actualEnd actual end, not before the actual start, may be null
 * @param percentComplete 0 to 100
 * @param completed whether completeMilestone closed it
 */
record Milestone(String id, String title, Instant plannedStart, Instant plannedEnd, Instant actualStart,
		Instant actualEnd, int percentComplete, boolean completed) {

}
