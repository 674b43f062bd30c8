package org.hromada.report;

import java.time.Instant;
import java.util.Set;

import org.hromada.aid.FigureScope;
import org.hromada.aid.Sector;

/**
 * What a report covers once the caller's access is applied: the filter, resolved to
 * communities and checked.
 *
 * @param communityPcodes communities covered; null for every community
 * @param sectors sectors covered; empty for all
 * @param from start of the period, inclusive; may be null
 * @param to end of the period, exclusive; may be null
 * @param suppressSmallCounts whether small figures are withheld (partners)
 */
record ReportArea(Set<String> communityPcodes, Set<Sector> sectors, Instant from, Instant to,
		boolean suppressSmallCounts) {

	FigureScope figureScope() {
		return new FigureScope(this.communityPcodes, this.sectors, this.from, this.to);
	}

}
