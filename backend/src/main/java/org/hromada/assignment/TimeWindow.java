package org.hromada.assignment;

import java.time.Duration;
import java.time.Instant;

/**
 * When the work of an assignment happens.
 *
 * @param start start
 * @param end end, after the start
 */
public record TimeWindow(Instant start, Instant end) {

	/** Whether the two windows share some time (touching ends do not overlap). */
	public boolean overlaps(TimeWindow other) {
		return this.start.isBefore(other.end) && other.start.isBefore(this.end);
	}

	public Duration duration() {
		return Duration.between(this.start, this.end);
	}

}
