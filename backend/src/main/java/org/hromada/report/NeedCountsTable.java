package org.hromada.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hromada.aid.AidRequestStatus;
import org.hromada.aid.NeedStatistics;
import org.hromada.aid.NeedStatistics.OpenNeedCount;
import org.hromada.aid.Priority;
import org.hromada.aid.Sector;

/**
 * The need counts of a status report as the one table they form, so that suppression
 * holds across them: open needs per sector and priority (rows) and status (columns); the
 * column totals are the needs per status, the grand total the needs logged, and the needs
 * reached (fulfilled plus closed) the total of a row of their own. For partners, small
 * figures and every figure that would let a reader subtract one back are suppressed
 * together ({@link SuppressedTable}); others see every figure.
 */
final class NeedCountsTable {

	private static final AidRequestStatus[] STATUSES = AidRequestStatus.values();

	private final Map<List<Object>, Integer> rows = new LinkedHashMap<>();

	private final SuppressedTable table;

	private final int reachedRow;

	private final boolean suppressing;

	NeedCountsTable(NeedStatistics statistics, SmallCounts figures) {
		this.suppressing = figures.suppressing();
		for (OpenNeedCount open : statistics.openNeeds()) {
			this.rows.putIfAbsent(List.of(open.sector(), open.priority()), this.rows.size());
		}
		this.reachedRow = this.rows.size();
		int endedRow = this.reachedRow + 1;
		this.table = new SuppressedTable(endedRow + 1, STATUSES.length, SmallCounts.THRESHOLD);
		for (OpenNeedCount open : statistics.openNeeds()) {
			this.table.cell(row(open.sector(), open.priority()), open.status().ordinal(), open.count(), true);
		}
		for (NeedStatistics.StatusCount closed : statistics.byStatus()) {
			if (!closed.status().isOpen()) {
				boolean reached = closed.status() == AidRequestStatus.FULFILLED
						|| closed.status() == AidRequestStatus.CLOSED;
				// Not published as cells: only through the status totals and the needs
				// reached.
				this.table.cell(reached ? this.reachedRow : endedRow, closed.status().ordinal(), closed.count(), false);
			}
		}
		for (int k = 0; k <= STATUSES.length; k++) {
			this.table.totalIsFigure(this.table.rows(), k);
		}
		this.table.totalIsFigure(this.reachedRow, STATUSES.length);
		if (this.suppressing) {
			this.table.protect();
		}
		else {
			this.table.suppressSmall();
		}
	}

	Figure open(Sector sector, Priority priority, AidRequestStatus status) {
		return figure(row(sector, priority), status.ordinal());
	}

	Figure byStatus(AidRequestStatus status) {
		return figure(this.table.rows(), status.ordinal());
	}

	Figure logged() {
		return figure(this.table.rows(), STATUSES.length);
	}

	/** The needs summed for the people reached: fulfilled plus closed. */
	Figure reached() {
		return figure(this.reachedRow, STATUSES.length);
	}

	private Figure figure(int row, int column) {
		return (this.suppressing && this.table.isSuppressed(row, column)) ? Figure.SUPPRESSED
				: Figure.of(this.table.value(row, column));
	}

	private int row(Sector sector, Priority priority) {
		return this.rows.get(List.of(sector, priority));
	}

}
