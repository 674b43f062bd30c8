package org.hromada.organization;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hromada.aid.Sector;
import org.hromada.graphql.LocalizedText;

/**
 * The editable content of an organisation with its rules, stated once for create and
 * update. Whether each community exists is checked by the service, against the store.
 */
record OrganizationFields(
		// Possessive quantifiers: the plain (-[a-z0-9]+)* recursed once per word and
		// overflowed the stack on a long key before @Size could refuse it.
		@NotBlank @Size(min = 2, max = 50) @Pattern(regexp = "[a-z0-9]++(?:-[a-z0-9]++)*+",
				message = "must be lower-case letters and digits in words joined by single hyphens") String key,
		@NotNull @Valid LocalizedText name, @Size(min = 1, max = 20) String acronym, @NotNull OrganizationType type,
		@NotNull @Size(max = 16) List<Sector> sectors, @NotNull @Size(max = 500) List<String> communityPcodes) {

	/**
	 * The same content as stored: sectors in enum order and communities in the given
	 * order, each once.
	 */
	OrganizationFields normalized() {
		List<Sector> distinctSectors = null;
		if (this.sectors != null) {
			distinctSectors = this.sectors.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(this.sectors));
		}
		List<String> distinctPcodes = (this.communityPcodes != null)
				? List.copyOf(new ArrayList<>(new LinkedHashSet<>(this.communityPcodes))) : null;
		return new OrganizationFields(this.key, this.name, this.acronym, this.type, distinctSectors, distinctPcodes);
	}

}
