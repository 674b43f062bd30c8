package org.hromada.report;

/**
 * A count or sum as a report shows it: the value, or null and suppressed when it is too
 * small to show to the caller.
 */
record Figure(Long value, boolean suppressed) {

	static Figure of(long value) {
		return new Figure(value, false);
	}

	/** A sum that may be unknown: null (nothing recorded) stays null. */
	static Figure ofNullable(Long value) {
		return (value != null) ? of(value) : null;
	}

	static final Figure SUPPRESSED = new Figure(null, true);

}
