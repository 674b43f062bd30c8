package org.hromada.report;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Complementary suppression holds against subtraction: for random tables of counts with
 * their totals, a reader who knows every published figure and total, and the rule (a
 * suppressed figure is at least 1, since zeros are shown; a hidden total at least 0),
 * solves for each suppressed figure by linear programming (the least and the greatest
 * value it can take) and never finds a single value. The solver is independent of the
 * production check (a cycle search).
 */
class SuppressedTableTests {

	private static final int THRESHOLD = SmallCounts.THRESHOLD;

	@Property(tries = 300)
	void noSuppressedFigureCanBeDerivedFromThePublishedOnes(@ForAll("tables") Case table) {
		SuppressedTable protectedTable = table.build().protect();

		for (int r = 0; r <= protectedTable.rows(); r++) {
			for (int k = 0; k <= protectedTable.columns(); k++) {
				long value = protectedTable.value(r, k);
				if (protectedTable.state(r, k) == SuppressedTable.State.HIDDEN) {
					continue;
				}
				if (value == 0) {
					assertThat(protectedTable.isSuppressed(r, k)).as("zeros are never suppressed").isFalse();
				}
				if (value > 0 && value < THRESHOLD) {
					assertThat(protectedTable.isSuppressed(r, k)).as("figure (%d, %d) = %d", r, k, value).isTrue();
				}
				if (protectedTable.isSuppressed(r, k)) {
					double[] range = range(protectedTable, r, k);
					assertThat(range[1] - range[0]).as("range of suppressed (%d, %d) = %d in %s", r, k, value, table)
						.isGreaterThanOrEqualTo(1.0);
				}
			}
		}
	}

	@Test
	void primarySuppressionAloneLeaksThroughTheTotalsAndComplementarySuppressionStopsIt() {
		// Primary suppression alone: the lone 3 is its row total minus 10 and 12.
		double[] leaked = range(example().suppressSmall(), 0, 0);
		assertThat(leaked[1] - leaked[0]).isLessThan(1e-6);

		SuppressedTable protectedTable = example().protect();
		double[] range = range(protectedTable, 0, 0);
		assertThat(range[1] - range[0]).isGreaterThanOrEqualTo(1.0);
		// The smallest figure that protects it, in its row or column: the 7 below it.
		assertThat(protectedTable.isSuppressed(1, 0)).isTrue();
		assertThat(protectedTable.isSuppressed(0, 1) || protectedTable.isSuppressed(1, 1)).isTrue();
	}

	private static SuppressedTable example() {
		SuppressedTable table = new SuppressedTable(2, 3, THRESHOLD).cell(0, 0, 3, true)
			.cell(0, 1, 10, true)
			.cell(0, 2, 12, true)
			.cell(1, 0, 7, true)
			.cell(1, 1, 8, true)
			.cell(1, 2, 9, true);
		for (int r = 0; r <= 2; r++) {
			table.totalIsFigure(r, 3);
		}
		for (int k = 0; k < 3; k++) {
			table.totalIsFigure(2, k);
		}
		return table;
	}

	/**
	 * The least and greatest value of the number at (row, column) over every table that
	 * agrees with what is published and with the rule's ranges.
	 */
	static double[] range(SuppressedTable table, int row, int column) {
		int rows = table.rows() + 1;
		int columns = table.columns() + 1;
		int variables = rows * columns;
		List<LinearConstraint> constraints = new ArrayList<>();
		for (int r = 0; r < table.rows(); r++) {
			double[] sum = new double[variables];
			for (int k = 0; k < table.columns(); k++) {
				sum[r * columns + k] = 1;
			}
			sum[r * columns + table.columns()] = -1;
			constraints.add(new LinearConstraint(sum, Relationship.EQ, 0));
		}
		for (int k = 0; k <= table.columns(); k++) {
			double[] sum = new double[variables];
			for (int r = 0; r < table.rows(); r++) {
				sum[r * columns + k] = 1;
			}
			sum[table.rows() * columns + k] = -1;
			constraints.add(new LinearConstraint(sum, Relationship.EQ, 0));
		}
		double[] grand = new double[variables];
		for (int k = 0; k < table.columns(); k++) {
			grand[table.rows() * columns + k] = 1;
		}
		grand[table.rows() * columns + table.columns()] = -1;
		constraints.add(new LinearConstraint(grand, Relationship.EQ, 0));
		for (int r = 0; r < rows; r++) {
			for (int k = 0; k < columns; k++) {
				double[] one = new double[variables];
				one[r * columns + k] = 1;
				long value = table.value(r, k);
				switch (table.state(r, k)) {
					case PUBLISHED -> constraints.add(new LinearConstraint(one, Relationship.EQ, value));
					case SUPPRESSED -> constraints.add(new LinearConstraint(one, Relationship.GEQ, 1));
					case HIDDEN -> {
						// At least 0, by the non-negative constraint.
					}
				}
			}
		}
		double[] objective = new double[variables];
		objective[row * columns + column] = 1;
		return new double[] { optimum(objective, constraints, GoalType.MINIMIZE),
				optimum(objective, constraints, GoalType.MAXIMIZE) };
	}

	private static double optimum(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
		try {
			PointValuePair solution = new SimplexSolver().optimize(new MaxIter(10_000),
					new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), goal,
					new NonNegativeConstraint(true));
			return solution.getValue();
		}
		catch (org.apache.commons.math3.optim.linear.UnboundedSolutionException ex) {
			return (goal == GoalType.MAXIMIZE) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
		}
	}

	@Provide
	Arbitrary<Case> tables() {
		Arbitrary<Integer> size = Arbitraries.integers().between(2, 6);
		// Mostly small counts, so that many cells are suppressed and must be protected.
		Arbitrary<Integer> count = Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 6)),
				net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 50)));
		return Combinators.combine(size, size)
			.flatAs((rows, columns) -> Combinators
				.combine(count.list().ofSize(rows * columns),
						Arbitraries.of(true, false).list().ofSize(rows + columns + 1))
				.as((values, published) -> new Case(rows, columns, values, published)));
	}

	/**
	 * A random table: its counts row by row, and which totals are published (the row
	 * totals, then the column totals, then the grand total).
	 */
	record Case(int rows, int columns, List<Integer> values, List<Boolean> published) {

		SuppressedTable build() {
			SuppressedTable table = new SuppressedTable(this.rows, this.columns, THRESHOLD);
			for (int r = 0; r < this.rows; r++) {
				for (int k = 0; k < this.columns; k++) {
					table.cell(r, k, this.values.get(r * this.columns + k), true);
				}
			}
			for (int r = 0; r < this.rows; r++) {
				if (this.published.get(r)) {
					table.totalIsFigure(r, this.columns);
				}
			}
			for (int k = 0; k < this.columns; k++) {
				if (this.published.get(this.rows + k)) {
					table.totalIsFigure(this.rows, k);
				}
			}
			if (this.published.get(this.rows + this.columns)) {
				table.totalIsFigure(this.rows, this.columns);
			}
			return table;
		}

	}

}
