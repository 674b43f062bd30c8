package org.hromada.project;

import java.time.Instant;
import java.util.Set;

import org.hromada.aid.Sector;

/**
 * Which projects a statistic or an export covers.
 *
 * @param communityPcodes communities to include; {@code null} means every community
 * @param sectors sectors to include; empty means every sector
 * @param createdFrom include projects created at or after this instant; may be null
 * @param createdBefore include projects created before this instant; may be null
 */
public record ProjectScope(Set<String> communityPcodes, Set<Sector> sectors, Instant createdFrom,
		Instant createdBefore) {

	public ProjectScope {
		communityPcodes = (communityPcodes != null) ? Set.copyOf(communityPcodes) : null;
		sectors = (sectors != null) ? Set.copyOf(sectors) : Set.of();
	}

}
