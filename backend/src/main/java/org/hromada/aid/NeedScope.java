package org.hromada.aid;

import java.time.Instant;
import java.util.Set;

/**
 * Which needs a statistic covers.
 *
 * @param communityPcodes communities to include; {@code null} means every community
 * @param sectors sectors to include; empty means every sector
 * @param loggedFrom include needs logged at or after this instant; may be null
 * @param loggedBefore include needs logged before this instant; may be null
 */
public record NeedScope(Set<String> communityPcodes, Set<Sector> sectors, Instant loggedFrom, Instant loggedBefore) {

	public NeedScope {
		communityPcodes = (communityPcodes != null) ? Set.copyOf(communityPcodes) : null;
		sectors = (sectors != null) ? Set.copyOf(sectors) : Set.of();
	}

}
