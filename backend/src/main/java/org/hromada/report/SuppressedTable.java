package org.hromada.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Small-count suppression of a table of counts with its totals that holds against
 * subtraction: after the primary suppression (every figure from 1 to threshold - 1), it
 * suppresses further figures (complementary suppression) until no suppressed figure can
 * be derived from what is published: the other figures and every published row, column
 * and grand total.
 *
 * <p>
 * The reader is assumed to know the rule and to see which figures are suppressed, but not
 * why: small and protecting figures carry the same marker. So a suppressed figure is at
 * least 1 (zeros are always shown) and a hidden number (a total the report does not
 * publish) at least 0. (A reader told which figures are small could pin some tables
 * whatever else is suppressed: four suppressed ones under a suppressed total below 5.) A
 * suppressed figure is determined exactly when it cannot move by any amount while all row
 * and column sums and all published figures stay as they are and every unknown stays in
 * its range. With the totals written into the table with a minus sign, every row and
 * column of the bordered table sums to zero, so a move is a circulation on the graph of
 * rows and columns: a cell that may grow is an arc row -> column, one that may shrink an
 * arc column -> row. A figure can move exactly when one of its arcs lies on a directed
 * cycle of unknown cells. The check is exact for the linear relations of the table (a
 * transportation polytope, whose vertices are integral, so a figure that can move at all
 * takes at least two integer values).
 */
final class SuppressedTable {

	/** What the reader knows of a number of the table. */
	enum State {

		/** Shown. */
		PUBLISHED,

		/** A figure of the report, withheld. */
		SUPPRESSED,

		/**
		 * Not part of the report (a total it does not show, a breakdown it does not
		 * give).
		 */
		HIDDEN

	}

	private final int rows;

	private final int columns;

	private final int threshold;

	private final long[][] values;

	private final State[][] states;

	private final boolean[][] hidden;

	/**
	 * A table of the given interior size, all zeros and published, its row, column and
	 * grand totals hidden until declared figures.
	 */
	SuppressedTable(int rows, int columns, int threshold) {
		this.rows = rows;
		this.columns = columns;
		this.threshold = threshold;
		this.values = new long[rows + 1][columns + 1];
		this.states = new State[rows + 1][columns + 1];
		this.hidden = new boolean[rows + 1][columns + 1];
		for (int r = 0; r <= rows; r++) {
			for (int k = 0; k <= columns; k++) {
				boolean margin = r == rows || k == columns;
				this.hidden[r][k] = margin;
			}
		}
	}

	int rows() {
		return this.rows;
	}

	int columns() {
		return this.columns;
	}

	/** Sets an interior cell: a figure of the report, or a hidden number. */
	SuppressedTable cell(int row, int column, long value, boolean figure) {
		this.values[row][column] = value;
		this.hidden[row][column] = !figure;
		return this;
	}

	/**
	 * Declares a total a figure of the report: row {@link #rows()} holds the column
	 * totals, column {@link #columns()} the row totals, and their corner the grand total.
	 */
	SuppressedTable totalIsFigure(int row, int column) {
		this.hidden[row][column] = false;
		return this;
	}

	/**
	 * Suppresses the figures below the threshold, then as few and as small further
	 * figures as it finds until none suppressed is determined. Returns this table.
	 */
	SuppressedTable protect() {
		suppressSmall();
		for (int[] determined = firstDetermined(); determined != null; determined = firstDetermined()) {
			int[] protector = protector(determined[0], determined[1]);
			if (protector == null) {
				// Nothing left to suppress that is not zero; cannot happen while the
				// determined figure's row or column holds a published non-zero figure.
				break;
			}
			this.states[protector[0]][protector[1]] = State.SUPPRESSED;
		}
		return this;
	}

	/**
	 * The primary step alone: every figure from 1 to threshold - 1 suppressed. Returns
	 * this table.
	 */
	SuppressedTable suppressSmall() {
		computeTotals();
		for (int r = 0; r <= this.rows; r++) {
			for (int k = 0; k <= this.columns; k++) {
				long value = this.values[r][k];
				this.states[r][k] = this.hidden[r][k] ? State.HIDDEN
						: (value > 0 && value < this.threshold) ? State.SUPPRESSED : State.PUBLISHED;
			}
		}
		return this;
	}

	boolean isSuppressed(int row, int column) {
		return this.states[row][column] == State.SUPPRESSED;
	}

	State state(int row, int column) {
		return this.states[row][column];
	}

	long value(int row, int column) {
		return this.values[row][column];
	}

	/**
	 * Whether the reader can work the suppressed (or hidden) number out from what is
	 * published: it can neither grow along a cycle (its column leads back to its row) nor
	 * shrink along one (its row leads back to its column).
	 */
	boolean isDetermined(int row, int column) {
		boolean up = canGrow(row, column) && path(column, true, row, false, row, column);
		boolean down = canShrink(row, column) && path(row, false, column, true, row, column);
		return !up && !down;
	}

	private void computeTotals() {
		long grand = 0;
		for (int r = 0; r < this.rows; r++) {
			long sum = 0;
			for (int k = 0; k < this.columns; k++) {
				sum += this.values[r][k];
			}
			this.values[r][this.columns] = sum;
			grand += sum;
		}
		for (int k = 0; k < this.columns; k++) {
			long sum = 0;
			for (int r = 0; r < this.rows; r++) {
				sum += this.values[r][k];
			}
			this.values[this.rows][k] = sum;
		}
		this.values[this.rows][this.columns] = grand;
	}

	private int[] firstDetermined() {
		for (int r = 0; r <= this.rows; r++) {
			for (int k = 0; k <= this.columns; k++) {
				if (this.states[r][k] == State.SUPPRESSED && isDetermined(r, k)) {
					return new int[] { r, k };
				}
			}
		}
		return null;
	}

	/**
	 * The figure to suppress next for a determined one: among the published non-zero
	 * figures of its row and column (else of the whole table), the first that frees it,
	 * smallest first and interior cells before totals; else the smallest.
	 */
	private int[] protector(int row, int column) {
		List<int[]> candidates = new ArrayList<>();
		for (int r = 0; r <= this.rows; r++) {
			for (int k = 0; k <= this.columns; k++) {
				if ((r == row || k == column) && isCandidate(r, k)) {
					candidates.add(new int[] { r, k });
				}
			}
		}
		if (candidates.isEmpty()) {
			for (int r = 0; r <= this.rows; r++) {
				for (int k = 0; k <= this.columns; k++) {
					if (isCandidate(r, k)) {
						candidates.add(new int[] { r, k });
					}
				}
			}
		}
		if (candidates.isEmpty()) {
			return null;
		}
		candidates.sort(Comparator.<int[]>comparingLong(cell -> this.values[cell[0]][cell[1]])
			.thenComparingInt(cell -> isMargin(cell[0], cell[1]) ? 1 : 0));
		for (int[] candidate : candidates) {
			this.states[candidate[0]][candidate[1]] = State.SUPPRESSED;
			boolean frees = !isDetermined(row, column);
			this.states[candidate[0]][candidate[1]] = State.PUBLISHED;
			if (frees) {
				return candidate;
			}
		}
		return candidates.get(0);
	}

	private boolean isCandidate(int row, int column) {
		return this.states[row][column] == State.PUBLISHED && this.values[row][column] > 0;
	}

	private boolean isMargin(int row, int column) {
		return row == this.rows || column == this.columns;
	}

	/**
	 * Whether the number in the bordered table (totals negated) can grow: for a total,
	 * whether the total can shrink.
	 */
	private boolean canGrow(int row, int column) {
		boolean negated = isMargin(row, column) && !(row == this.rows && column == this.columns);
		return negated ? valueCanShrink(row, column) : valueCanGrow(row, column);
	}

	private boolean canShrink(int row, int column) {
		boolean negated = isMargin(row, column) && !(row == this.rows && column == this.columns);
		return negated ? valueCanGrow(row, column) : valueCanShrink(row, column);
	}

	private boolean valueCanGrow(int row, int column) {
		return this.states[row][column] != State.PUBLISHED;
	}

	private boolean valueCanShrink(int row, int column) {
		State state = this.states[row][column];
		long value = this.values[row][column];
		return (state == State.HIDDEN) ? value > 0 : state == State.SUPPRESSED && value > 1;
	}

	/**
	 * Whether a directed path leads from one vertex to another without the cell (row,
	 * column). Vertices are the rows and the columns of the bordered table; arcs: row r
	 * -> column k when cell (r, k) can grow, column k -> row r when it can shrink.
	 */
	private boolean path(int from, boolean fromColumn, int to, boolean toColumn, int avoidRow, int avoidColumn) {
		int size = this.rows + 1;
		boolean[] seen = new boolean[size + this.columns + 1];
		Deque<Integer> queue = new ArrayDeque<>();
		int start = fromColumn ? size + from : from;
		int goal = toColumn ? size + to : to;
		queue.add(start);
		seen[start] = true;
		while (!queue.isEmpty()) {
			int vertex = queue.poll();
			if (vertex == goal) {
				return true;
			}
			if (vertex < size) {
				for (int k = 0; k <= this.columns; k++) {
					if (!(vertex == avoidRow && k == avoidColumn) && !seen[size + k] && canGrow(vertex, k)) {
						seen[size + k] = true;
						queue.add(size + k);
					}
				}
			}
			else {
				int k = vertex - size;
				for (int r = 0; r <= this.rows; r++) {
					if (!(r == avoidRow && k == avoidColumn) && !seen[r] && canShrink(r, k)) {
						seen[r] = true;
						queue.add(r);
					}
				}
			}
		}
		return false;
	}

}
