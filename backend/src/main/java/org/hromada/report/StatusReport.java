package org.hromada.report;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import org.hromada.aid.AidRequestStatus;
import org.hromada.aid.NeedStatistics.PeopleSums;
import org.hromada.aid.Priority;
import org.hromada.aid.Sector;
import org.hromada.graphql.BadRequestException;
import org.hromada.project.ProjectStatus;

/**
 * Status of needs, people and response in a community or an area, as the API shows it.
 */
record StatusReport(Instant generatedAt, boolean smallCountsSuppressed, NeedsStatus needs, VolunteersStatus volunteers,
		ProjectsStatus projects) {

	record NeedsStatus(Figure logged, List<OpenNeedsFigure> open, List<StatusFigure> byStatus,
			PeopleFigures peopleAffected, PeopleFigures peopleReached, DurationFigure timeToAssigned,
			DurationFigure timeToFulfilled, List<ClaimHolderFigure> claimedBy) {

	}

	/** Needs under confirmed or completed claims of one organisation. */
	record ClaimHolderFigure(String organizationKey, String organizationName, Figure needs) {

	}

	record OpenNeedsFigure(Sector sector, Priority priority, AidRequestStatus status, Figure count) {

	}

	record StatusFigure(AidRequestStatus status, Figure count) {

	}

	/**
	 * People summed over needs. For partners the sums add up only what they read of each
	 * need (see {@link ReportService}); {@code withheldNeeds} says how many needs' totals
	 * were left out.
	 */
	record PeopleFigures(Figure needs, Figure total, Figure girls, Figure boys, Figure women, Figure men,
			Figure olderWomen, Figure olderMen, Figure withDisability, long withheldNeeds) {

		/** The figures of the sums, each shown as it is. */
		static PeopleFigures of(PeopleSums sums, Figure needs, long withheldNeeds) {
			return new PeopleFigures(needs, Figure.of(sums.total()), Figure.ofNullable(sums.girls()),
					Figure.ofNullable(sums.boys()), Figure.ofNullable(sums.women()), Figure.ofNullable(sums.men()),
					Figure.ofNullable(sums.olderWomen()), Figure.ofNullable(sums.olderMen()),
					Figure.ofNullable(sums.withDisability()), withheldNeeds);
		}

	}

	record DurationFigure(Figure samples, Double medianHours, Double p90Hours) {

	}

	record VolunteersStatus(Figure active, Figure assignmentsCompleted, Figure hoursWorked) {

	}

	record ProjectsStatus(List<ProjectStatusFigure> byStatus, List<CurrencyFigure> money) {

	}

	record ProjectStatusFigure(ProjectStatus status, Figure count, Integer averageProgress) {

	}

	/**
	 * Sums of one currency, exact; the Long fields of the schema are older and hold a sum
	 * only while it fits in a long.
	 */
	record CurrencyFigure(String currency, Figure projects, BigInteger budgetMinorExact, BigInteger committedMinorExact,
			BigInteger disbursedMinorExact, BigInteger gapMinorExact) {

		public long budgetMinor() {
			return asLong(this.budgetMinorExact, "budgetMinor");
		}

		public long committedMinor() {
			return asLong(this.committedMinorExact, "committedMinor");
		}

		public long disbursedMinor() {
			return asLong(this.disbursedMinorExact, "disbursedMinor");
		}

		public long gapMinor() {
			return asLong(this.gapMinorExact, "gapMinor");
		}

		/** A sum too big for a Long is an error, never a wrong number. */
		private static long asLong(BigInteger sum, String field) {
			if (sum.bitLength() >= Long.SIZE) {
				throw new BadRequestException("The sum in " + field + " exceeds the range of Long (2^63 - 1); read "
						+ field + "Exact, which is exact at any size");
			}
			return sum.longValue();
		}

	}

}
