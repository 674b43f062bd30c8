package org.hromada.aid;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.hromada.graphql.GeoPoint;
import org.hromada.graphql.PlainText;

/**
 * The content of an aid request that its reporter gives and may change, with its rules.
 * Logging and updating both validate one of these, so each bound is stated once.
 */
record AidRequestFields(@NotBlank @Size(max = 200) @PlainText String title,
		@Size(max = 4000) @PlainText(multiline = true) String description,
		@PositiveOrZero @DecimalMax("1000000000") Double quantity, @Size(max = 50) @PlainText String unit,
		@NotNull @Valid PeopleAffected peopleAffected, @NotNull Urgency urgency, @Valid GeoPoint location,
		@Valid Contact contact, Instant neededBy) {

	private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

	@AssertTrue(message = "neededBy must be between 2000 and 2100")
	boolean isNeededByPlausible() {
		return this.neededBy == null || (!this.neededBy.isBefore(EARLIEST) && this.neededBy.isBefore(LATEST));
	}

}
