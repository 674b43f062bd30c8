package org.hromada.volunteer;

import java.time.Instant;

/**
 * A period a volunteer is available.
 *
 * @param from start
 * @param to end, after the start
 */
public record DateRange(Instant from, Instant to) {

}
