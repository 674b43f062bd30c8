package org.hromada.organization;

import java.util.List;

import org.hromada.aid.Sector;
import org.hromada.graphql.LocalizedText;

import org.springframework.graphql.data.ArgumentValue;

import static org.hromada.graphql.ArgumentValues.changedOr;

/** The inputs of the organisation queries and mutations, as the schema declares them. */
final class OrganizationInputs {

	private OrganizationInputs() {
	}

	record OrganizationFilter(String nameContains, OrganizationType type, Sector sector, String communityPcode) {

		static final OrganizationFilter NONE = new OrganizationFilter(null, null, null, null);

	}

	record CreateOrganizationInput(String key, LocalizedText name, String acronym, OrganizationType type,
			List<Sector> sectors, List<String> communityPcodes, Boolean sample) {

		OrganizationFields fields() {
			return new OrganizationFields(this.key, this.name, this.acronym, this.type,
					(this.sectors != null) ? this.sectors : List.of(),
					(this.communityPcodes != null) ? this.communityPcodes : List.of());
		}

	}

	/**
	 * An omitted field keeps its value; an explicit null clears it (and is refused where
	 * required). The key is not editable.
	 */
	record UpdateOrganizationInput(String id, Long version, ArgumentValue<LocalizedText> name,
			ArgumentValue<String> acronym, ArgumentValue<OrganizationType> type, ArgumentValue<List<Sector>> sectors,
			ArgumentValue<List<String>> communityPcodes) {

		OrganizationFields applyTo(OrganizationFields current) {
			return new OrganizationFields(current.key(), changedOr(this.name, current.name()),
					changedOr(this.acronym, current.acronym()), changedOr(this.type, current.type()),
					changedOr(this.sectors, current.sectors()),
					changedOr(this.communityPcodes, current.communityPcodes()));
		}

		/** Whether the communities are among the changes, so they must be checked. */
		boolean changesCommunities() {
			return this.communityPcodes != null && this.communityPcodes.isPresent();
		}

	}

}
