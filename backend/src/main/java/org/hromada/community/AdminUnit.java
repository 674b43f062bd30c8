package org.hromada.community;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hromada.graphql.LocalizedText;

/**
 * A parent administrative unit (oblast or raion) of a community, as stored and as shown.
 *
 * @param pcode OCHA COD P-code
 * @param name name in Ukrainian and English
 */
public record AdminUnit(
		@NotBlank @Pattern(regexp = "UA\\d{2}(\\d{2})?", message = "must be UA followed by 2 or 4 digits") String pcode,
		@NotNull @Valid LocalizedText name) {

}
