package org.hromada.assignment;

import java.time.Instant;
import java.util.Set;

import org.hromada.aid.Sector;

/**
 * Which assignments a statistic covers.
 *
 * @param communityPcodes communities to include; {@code null} means every community
 * @param sectors sectors of the tasks to include; empty means every sector
 * @param from include assignments whose window ends at or after this instant; may be null
 * @param before include assignments whose window starts before this instant; may be null
 */
public record AssignmentScope(Set<String> communityPcodes, Set<Sector> sectors, Instant from, Instant before) {

	public AssignmentScope {
		communityPcodes = (communityPcodes != null) ? Set.copyOf(communityPcodes) : null;
		sectors = (sectors != null) ? Set.copyOf(sectors) : Set.of();
	}

}
