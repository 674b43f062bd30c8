package org.hromada.aid;

import java.util.List;

/**
 * Figures about the needs of a {@link FigureScope}, as computed by the store. Raw counts:
 * suppressing small counts for partners is the report feature's job.
 *
 * @param logged needs logged in the scope
 * @param openNeeds open needs, counted per sector, priority and status
 * @param byStatus needs per current status
 * @param affected people affected by all needs of the scope
 * @param reached people affected by the fulfilled or closed needs of the scope
 * @param affectedShown the same sums over what partners read of each need: a count from 1
 * to {@link org.hromada.security.SmallCountPolicy#THRESHOLD} - 1 adds 0, and so do the
 * sex and age groups of needs in protection sectors; {@code needs} counts the needs whose
 * total is not withheld
 * @param reachedShown the same for the fulfilled or closed needs
 * @param toAssigned time from logging to the first assignment
 * @param toFulfilled time from logging to fulfilment
 * @param claimHolders needs under a confirmed (or completed) claim, per organisation
 */
public record NeedStatistics(long logged, List<OpenNeedCount> openNeeds, List<StatusCount> byStatus,
		PeopleSums affected, PeopleSums reached, PeopleSums affectedShown, PeopleSums reachedShown,
		DurationStatistics toAssigned, DurationStatistics toFulfilled, List<ClaimHolderCount> claimHolders) {

	/** Needs under confirmed or completed claims of one organisation. */
	public record ClaimHolderCount(String organizationKey, long count) {

	}

	/** Open needs of one sector, priority and status. */
	public record OpenNeedCount(Sector sector, Priority priority, AidRequestStatus status, long count) {

	}

	/** Needs in one status. */
	public record StatusCount(AidRequestStatus status, long count) {

	}

	/**
	 * People summed over a set of needs. A sex or age group is null when no need of the
	 * set recorded it.
	 *
	 * @param needs how many needs were summed
	 * @param total people in total
	 */
	public record PeopleSums(long needs, long total, Long girls, Long boys, Long women, Long men, Long olderWomen,
			Long olderMen, Long withDisability) {

	}

	/**
	 * Nearest-rank percentiles of a duration, in milliseconds; null when there are no
	 * samples.
	 *
	 * @param samples how many needs contributed
	 */
	public record DurationStatistics(long samples, Long medianMillis, Long p90Millis) {

	}

}
