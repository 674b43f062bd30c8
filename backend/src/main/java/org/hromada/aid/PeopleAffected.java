package org.hromada.aid;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * People affected by a need, with optional sex and age groups (Sphere / IASC
 * disaggregation).
 */
public record PeopleAffected(@NotNull @PositiveOrZero @Max(10_000_000) Integer total, @PositiveOrZero Integer girls,
		@PositiveOrZero Integer boys, @PositiveOrZero Integer women, @PositiveOrZero Integer men,
		@PositiveOrZero Integer olderWomen, @PositiveOrZero Integer olderMen, @PositiveOrZero Integer withDisability) {

	/**
	 * Sex and age groups together never exceed the total; disability is counted across
	 * them.
	 */
	@AssertTrue(message = "girls, boys, women, men, olderWomen and olderMen add up to more than total")
	boolean isGroupsWithinTotal() {
		return this.total == null
				|| sum(this.girls, this.boys, this.women, this.men, this.olderWomen, this.olderMen) <= this.total;
	}

	@AssertTrue(message = "withDisability is more than total")
	boolean isDisabilityWithinTotal() {
		return this.total == null || this.withDisability == null || this.withDisability <= this.total;
	}

	/**
	 * Children, older people and people with disability, as a share of the total, from 0
	 * to 1.
	 */
	double vulnerableShare() {
		if (this.total == null || this.total == 0) {
			return 0;
		}
		long vulnerable = sum(this.girls, this.boys, this.olderWomen, this.olderMen) + value(this.withDisability);
		return Math.min(1.0, (double) vulnerable / this.total);
	}

	private static long sum(Integer... values) {
		long sum = 0;
		for (Integer value : values) {
			sum += value(value);
		}
		return sum;
	}

	private static long value(Integer value) {
		return (value != null) ? value : 0;
	}

}
