package org.hromada.aid;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.hromada.graphql.GeoPoint;

/**
 * The content of an aid request that its reporter gives and may change, with its rules.
 * Logging and updating both validate one of these, so each bound is stated once.
 */
record AidRequestFields(@NotBlank @Size(max = 200) @Pattern(regexp = PLAIN_LINE, message = PLAIN_MESSAGE) String title,
		@Size(max = 4000) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_MESSAGE) String description,
		@PositiveOrZero @DecimalMax("1000000000") Double quantity,
		@Size(max = 50) @Pattern(regexp = PLAIN_LINE, message = PLAIN_MESSAGE) String unit,
		@NotNull @Valid PeopleAffected peopleAffected, @NotNull Urgency urgency, @Valid GeoPoint location,
		@Valid Contact contact, Instant neededBy) {

	/**
	 * One line without control or invisible formatting characters (which could spoof what
	 * others see).
	 */
	static final String PLAIN_LINE = "[^\\p{Cc}\\p{Cf}]*";

	/**
	 * Like {@link #PLAIN_LINE}, but line breaks and tabs are allowed. One character class
	 * (a union), not an alternation: java.util.regex recurses once per character through
	 * a repeated alternation, which overflowed the stack on a long description.
	 */
	static final String PLAIN_TEXT = "[\\n\\r\\t[^\\p{Cc}\\p{Cf}]]*";

	static final String PLAIN_MESSAGE = "must not contain control or invisible formatting characters";

	private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

	@AssertTrue(message = "neededBy must be between 2000 and 2100")
	boolean isNeededByPlausible() {
		return this.neededBy == null || (!this.neededBy.isBefore(EARLIEST) && this.neededBy.isBefore(LATEST));
	}

}
