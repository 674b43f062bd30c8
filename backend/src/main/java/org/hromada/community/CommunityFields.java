package org.hromada.community;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.hromada.graphql.GeoPoint;
import org.hromada.graphql.LocalizedText;

/**
 * The editable content of a community with its rules. Create, update and CSV import all
 * build one of these and validate it, so a rule is stated once whichever way the data
 * comes in.
 */
record CommunityFields(
		@NotBlank @Pattern(regexp = "UA\\d{7,10}", message = "must be UA followed by 7 to 10 digits") String pcode,
		@Pattern(regexp = "UA\\d{17}", message = "must be UA followed by 17 digits") String katottg,
		@NotNull @Valid LocalizedText name, @NotNull @Valid AdminUnit adm1, @NotNull @Valid AdminUnit adm2,
		@PositiveOrZero Integer population, @Valid GeoPoint location, @NotNull AccessStatus accessStatus) {

}
