package org.hromada.aid;

/** Priority of a need; the rank orders lists (higher first). */
public enum Priority {

	CRITICAL(4), HIGH(3), MEDIUM(2), LOW(1);

	private final int rank;

	Priority(int rank) {
		this.rank = rank;
	}

	public int rank() {
		return this.rank;
	}

	/** CRITICAL from 0.75, HIGH from 0.5, MEDIUM from 0.25, LOW below. */
	static Priority ofScore(double score) {
		if (score >= 0.75) {
			return CRITICAL;
		}
		if (score >= 0.5) {
			return HIGH;
		}
		return (score >= 0.25) ? MEDIUM : LOW;
	}

}
