package org.hromada.report;

import java.time.Instant;
import java.util.List;

import org.hromada.aid.Sector;

/**
 * The area, sectors and period a report covers, as the client gives them.
 *
 * @param adm1 oblast P-codes, may be null
 * @param communities community P-codes, may be null
 * @param sectors sectors, may be null for all
 * @param period period of logging, may be null for all time
 */
record StatusFilter(List<String> adm1, List<String> communities, List<Sector> sectors, Period period) {

	static final StatusFilter EVERYTHING = new StatusFilter(null, null, null, null);

	/** A half-open period [from, to); either end may be open. */
	record Period(Instant from, Instant to) {

	}

}
