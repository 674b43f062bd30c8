package org.hromada.aid;

/** Urgency as reported from the field, with its value as a priority factor. */
public enum Urgency {

	LIFE_THREATENING(1.0), URGENT(0.7), SOON(0.4), ROUTINE(0.1);

	private final double factor;

	Urgency(double factor) {
		this.factor = factor;
	}

	double factor() {
		return this.factor;
	}

}
