package org.hromada.project;

import java.math.BigInteger;
import java.util.List;

/**
 * Figures about the projects of a {@link org.hromada.aid.FigureScope}, as computed by the
 * store.
 *
 * @param byStatus projects per status
 * @param money money per currency, never summed across currencies
 */
public record ProjectFigures(List<StatusCount> byStatus, List<CurrencyTotals> money) {

	/**
	 * Projects in one status.
	 *
	 * @param averageProgress mean progress (percent, rounded down) of those with
	 * milestones; null when none has
	 */
	public record StatusCount(ProjectStatus status, long count, Integer averageProgress) {

	}

	/**
	 * Sums of one currency over the projects, in minor units, exact: a sum over projects
	 * can pass the range of a long (each project's are at most 10^18).
	 *
	 * @param projects how many projects have money in this currency
	 * @param gapMinor sum of the funding gaps (budget minus commitments, at least 0, per
	 * project)
	 */
	public record CurrencyTotals(String currency, long projects, BigInteger budgetMinor, BigInteger committedMinor,
			BigInteger disbursedMinor, BigInteger gapMinor) {

	}

}
