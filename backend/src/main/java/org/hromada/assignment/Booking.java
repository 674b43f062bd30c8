package org.hromada.assignment;

import java.time.Instant;

/**
 * An active assignment held in a volunteer's schedule.
 *
 * @param assignmentId the assignment (stored right after the booking)
 * @param start window start
 * @param end window end
 * @param bookedAt when the booking was made
 */
record Booking(String assignmentId, Instant start, Instant end, Instant bookedAt) {

	TimeWindow window() {
		return new TimeWindow(this.start, this.end);
	}

}
