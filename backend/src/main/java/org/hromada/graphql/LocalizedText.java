package org.hromada.graphql;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A text people see in Ukrainian and English. Used as is in documents, inputs and
 * outputs.
 *
 * @param uk Ukrainian text
 * @param en English text
 */
public record LocalizedText(@NotBlank @Size(max = 200) String uk, @NotBlank @Size(max = 200) String en) {

}
