package org.hromada.report;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.hromada.aid.AidRequestStatistics;
import org.hromada.aid.NeedStatistics;
import org.hromada.aid.NeedStatistics.DurationStatistics;
import org.hromada.aid.NeedStatistics.PeopleSums;
import org.hromada.assignment.AssignmentStatistics;
import org.hromada.assignment.VolunteerWork;
import org.hromada.project.ProjectFigures;
import org.hromada.project.ProjectStatistics;
import org.hromada.organization.Organization;
import org.hromada.organization.OrganizationService;
import org.hromada.report.StatusReport.ClaimHolderFigure;
import org.hromada.report.StatusReport.CurrencyFigure;
import org.hromada.report.StatusReport.DurationFigure;
import org.hromada.report.StatusReport.NeedsStatus;
import org.hromada.report.StatusReport.OpenNeedsFigure;
import org.hromada.report.StatusReport.PeopleFigures;
import org.hromada.report.StatusReport.ProjectStatusFigure;
import org.hromada.report.StatusReport.ProjectsStatus;
import org.hromada.report.StatusReport.StatusFigure;
import org.hromada.report.StatusReport.VolunteersStatus;

import org.springframework.stereotype.Service;

/**
 * Builds status reports from the figures each feature computes in the store, applying the
 * small-count rule for partners, with complementary suppression of the need counts
 * ({@link NeedCountsTable}).
 */
@Service
class ReportService {

	private static final double MILLIS_PER_HOUR = 3_600_000.0;

	private final AidRequestStatistics needs;

	private final AssignmentStatistics work;

	private final ProjectStatistics projects;

	private final OrganizationService organizations;

	private final Clock clock;

	ReportService(AidRequestStatistics needs, AssignmentStatistics work, ProjectStatistics projects,
			OrganizationService organizations, Clock clock) {
		this.organizations = organizations;
		this.needs = needs;
		this.work = work;
		this.projects = projects;
		this.clock = clock;
	}

	StatusReport status(ReportArea area) {
		SmallCounts figures = SmallCounts.forArea(area);
		NeedStatistics statistics = this.needs.compute(area.figureScope());
		NeedCountsTable counts = new NeedCountsTable(statistics, figures);
		NeedsStatus needs = new NeedsStatus(counts.logged(),
				statistics.openNeeds()
					.stream()
					.map(row -> new OpenNeedsFigure(row.sector(), row.priority(), row.status(),
							counts.open(row.sector(), row.priority(), row.status())))
					.sorted(Comparator.comparing(OpenNeedsFigure::sector)
						.thenComparing(OpenNeedsFigure::priority)
						.thenComparing(OpenNeedsFigure::status))
					.toList(),
				statistics.byStatus()
					.stream()
					.map(row -> new StatusFigure(row.status(), counts.byStatus(row.status())))
					.sorted(Comparator.comparing(StatusFigure::status))
					.toList(),
				people(statistics.affected(), statistics.affectedShown(), counts.logged(), figures),
				people(statistics.reached(), statistics.reachedShown(), counts.reached(), figures),
				duration(statistics.toAssigned(), figures), duration(statistics.toFulfilled(), figures),
				claimHolders(statistics, figures));
		return new StatusReport(this.clock.instant(), figures.suppressing(), needs,
				volunteers(this.work.compute(area.figureScope()), figures),
				projects(this.projects.compute(area.figureScope()), figures));
	}

	static final int CLAIM_HOLDERS_SHOWN = 100;

	/**
	 * The organisations holding confirmed claims, by name: who does what is public, the
	 * number of needs follows the small-count rule. At most {@value #CLAIM_HOLDERS_SHOWN}
	 * (those holding the most needs), the bound the schema declares.
	 */
	private List<ClaimHolderFigure> claimHolders(NeedStatistics statistics, SmallCounts figures) {
		List<NeedStatistics.ClaimHolderCount> shown = statistics.claimHolders()
			.stream()
			.sorted(Comparator.comparing(NeedStatistics.ClaimHolderCount::count)
				.reversed()
				.thenComparing(NeedStatistics.ClaimHolderCount::organizationKey))
			.limit(CLAIM_HOLDERS_SHOWN)
			.toList();
		Map<String, Organization> known = this.organizations
			.findByKeys(shown.stream().map(NeedStatistics.ClaimHolderCount::organizationKey).toList());
		return shown.stream()
			.map(row -> new ClaimHolderFigure(row.organizationKey(),
					(known.get(row.organizationKey()) != null) ? known.get(row.organizationKey()).name().en() : null,
					figures.count(row.count())))
			.sorted(Comparator.comparing(ClaimHolderFigure::organizationKey))
			.toList();
	}

	/** Hours are rounded to whole hours; they are suppressed with the work they sum. */
	private static VolunteersStatus volunteers(VolunteerWork work, SmallCounts figures) {
		return new VolunteersStatus(figures.count(work.activeVolunteers()), figures.count(work.completedAssignments()),
				figures.sum(Math.round(work.hoursWorked()), work.completedAssignments()));
	}

	/**
	 * Project counts follow the small-count rule like every count; money is not about
	 * people, and partners read every project's money anyway.
	 */
	private static ProjectsStatus projects(ProjectFigures statistics, SmallCounts figures) {
		return new ProjectsStatus(
				statistics.byStatus()
					.stream()
					.map(row -> new ProjectStatusFigure(row.status(), figures.count(row.count()),
							figures.shows(row.count()) ? row.averageProgress() : null))
					.sorted(Comparator.comparing(ProjectStatusFigure::status))
					.toList(),
				statistics.money()
					.stream()
					.map(row -> new CurrencyFigure(row.currency(), figures.count(row.projects()), row.budgetMinor(),
							row.committedMinor(), row.disbursedMinor(), row.gapMinor()))
					.sorted(Comparator.comparing(CurrencyFigure::currency))
					.toList());
	}

	/**
	 * People summed over needs; the number of needs is the need table's figure (logged,
	 * or reached), suppressed with it. Others get the exact sums; partners the sums of
	 * what they read of each need, so a withheld figure adds 0.
	 *
	 * <p>
	 * Why not the exact sums with further figures suppressed: a partner reads every need
	 * of any area, sector and period one by one (the needs list, the 3W export's rows)
	 * with its people figures, those from 1 to {@value SmallCounts#THRESHOLD} - 1
	 * withheld, as are the sex and age groups of needs in protection sectors. An exact
	 * sum is the one number that still holds the withheld figures: subtract the figures
	 * read and a single small need is back, and so is any need by which two overlapping
	 * periods, areas or sector sets differ. No suppression within one report stops that,
	 * since the partner chooses the scopes to compare. Sums of shown figures only are
	 * functions of figures published one by one, so no combination of reports, exports
	 * and lists tells anything of a withheld figure. They are zero or at least 5 by
	 * construction (nothing to suppress), lower bounds, and {@code withheldNeeds} says
	 * how many totals (each from 1 to 4 people) they leave out.
	 */
	private static PeopleFigures people(PeopleSums sums, PeopleSums shown, Figure needsFigure, SmallCounts figures) {
		return figures.suppressing() ? PeopleFigures.of(shown, needsFigure, sums.needs() - shown.needs())
				: PeopleFigures.of(sums, needsFigure, 0);
	}

	private static DurationFigure duration(DurationStatistics statistics, SmallCounts figures) {
		boolean shown = figures.shows(statistics.samples());
		return new DurationFigure(figures.count(statistics.samples()), shown ? hours(statistics.medianMillis()) : null,
				shown ? hours(statistics.p90Millis()) : null);
	}

	private static Double hours(Long millis) {
		return (millis != null) ? millis / MILLIS_PER_HOUR : null;
	}

}
