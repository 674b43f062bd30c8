package org.hromada.report;

import org.hromada.security.SmallCountPolicy;

/**
 * The small-count rule ({@link SmallCountPolicy}, the same as for the counts of one need
 * or project) for partner reports: a figure from 1 to {@value #THRESHOLD} - 1, or any
 * figure computed from 1 to {@value #THRESHOLD} - 1 records, is withheld, so that no one
 * can single out a household or a volunteer from small numbers. Zero is shown: it says
 * nothing about anyone. Callers who may see the records themselves (coordinators, admins)
 * get every figure.
 */
final class SmallCounts {

	static final int THRESHOLD = SmallCountPolicy.THRESHOLD;

	private final boolean suppressing;

	private SmallCounts(boolean suppressing) {
		this.suppressing = suppressing;
	}

	static SmallCounts forArea(ReportArea area) {
		return new SmallCounts(area.suppressSmallCounts());
	}

	boolean suppressing() {
		return this.suppressing;
	}

	/** A count of records. */
	Figure count(long count) {
		return isSmall(count) ? Figure.SUPPRESSED : Figure.of(count);
	}

	/** A sum over {@code records} records; null stays null (nothing recorded). */
	Figure sum(Long sum, long records) {
		if (sum == null) {
			return null;
		}
		return (isSmall(sum) || isSmall(records)) ? Figure.SUPPRESSED : Figure.of(sum);
	}

	/** Whether a figure computed from this many records is shown. */
	boolean shows(long records) {
		return !isSmall(records);
	}

	private boolean isSmall(long value) {
		return this.suppressing && SmallCountPolicy.isSmall(value);
	}

}
