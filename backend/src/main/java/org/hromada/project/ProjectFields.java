package org.hromada.project;

import java.util.LinkedHashSet;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.hromada.aid.PeopleAffected;
import org.hromada.aid.Sector;
import org.hromada.graphql.GeoPoint;
import org.hromada.graphql.Money;

/**
 * The editable content of a project with its rules, stated once for create and update.
 * Rules that need the store (organisations and linked needs exist) or span fields (budget
 * currencies, roles) are checked by the service.
 */
record ProjectFields(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description,
		@NotNull Sector sector, @NotNull AssetCategory assetCategory, @NotNull ProjectType projectType,
		@Valid DamageAssessment damageAssessment, @NotNull @Size(max = 50) List<ProjectOrganization> organizations,
		@NotNull @Size(max = Funding.MAX_BUDGET_CURRENCIES) List<Money> budget, @Valid PeopleAffected peopleToBenefit,
		@PositiveOrZero @Max(10_000_000) Integer peopleReached,
		@NotNull @Size(max = 100) List<String> linkedAidRequestIds, @Valid ExternalReferences externalReferences,
		@Valid GeoPoint location) {

	/** The same content with absent lists and references as empty ones. */
	ProjectFields normalized() {
		return new ProjectFields((this.title != null) ? this.title.strip() : null,
				(this.description != null && !this.description.isBlank()) ? this.description.strip() : null,
				this.sector, this.assetCategory, this.projectType, this.damageAssessment,
				(this.organizations != null) ? this.organizations : List.of(),
				(this.budget != null) ? this.budget : List.of(), this.peopleToBenefit, this.peopleReached,
				(this.linkedAidRequestIds != null) ? List.copyOf(new LinkedHashSet<>(this.linkedAidRequestIds))
						: List.of(),
				(this.externalReferences != null) ? this.externalReferences : ExternalReferences.NONE, this.location);
	}

}
