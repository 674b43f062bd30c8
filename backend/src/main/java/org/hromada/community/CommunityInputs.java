package org.hromada.community;

import org.hromada.graphql.GeoPoint;
import org.hromada.graphql.LocalizedText;

import org.springframework.graphql.data.ArgumentValue;

import static org.hromada.graphql.ArgumentValues.changedOr;

/** The inputs of the community mutations, as the schema declares them. */
final class CommunityInputs {

	private CommunityInputs() {
	}

	record CommunityFilter(String nameContains, String adm1Pcode, AccessStatus accessStatus) {

		static final CommunityFilter NONE = new CommunityFilter(null, null, null);

	}

	record CreateCommunityInput(String pcode, String katottg, LocalizedText name, AdminUnit adm1, AdminUnit adm2,
			Integer population, GeoPoint location, AccessStatus accessStatus, Boolean sample) {

		CommunityFields fields() {
			return new CommunityFields(this.pcode, this.katottg, this.name, this.adm1, this.adm2, this.population,
					this.location, (this.accessStatus != null) ? this.accessStatus : AccessStatus.ACCESSIBLE);
		}

	}

	/**
	 * An omitted field keeps its value; an explicit null clears it (and is refused where
	 * required).
	 */
	record UpdateCommunityInput(String id, Long version, ArgumentValue<String> katottg,
			ArgumentValue<LocalizedText> name, ArgumentValue<AdminUnit> adm1, ArgumentValue<AdminUnit> adm2,
			ArgumentValue<Integer> population, ArgumentValue<GeoPoint> location,
			ArgumentValue<AccessStatus> accessStatus) {

		CommunityFields applyTo(CommunityFields current) {
			return new CommunityFields(current.pcode(), changedOr(this.katottg, current.katottg()),
					changedOr(this.name, current.name()), changedOr(this.adm1, current.adm1()),
					changedOr(this.adm2, current.adm2()), changedOr(this.population, current.population()),
					changedOr(this.location, current.location()), changedOr(this.accessStatus, current.accessStatus()));
		}

	}

	record ImportCommunitiesInput(String csv, Boolean sample) {

	}

}
