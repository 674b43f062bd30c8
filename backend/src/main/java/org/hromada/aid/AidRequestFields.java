package org.hromada.aid;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.hromada.graphql.GeoPoint;

/**
 * The content of an aid request that its reporter gives and may change, with its rules.
 * Logging and updating both validate one of these, so each bound is stated once.
 */
record AidRequestFields(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description,
		@PositiveOrZero @DecimalMax("1000000000") Double quantity, @Size(max = 50) String unit,
		@NotNull @Valid PeopleAffected peopleAffected, @NotNull Urgency urgency, @Valid GeoPoint location,
		@Valid Contact contact, Instant neededBy) {

}
