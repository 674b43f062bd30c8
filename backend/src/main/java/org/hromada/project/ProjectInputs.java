package org.hromada.project;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hromada.aid.PeopleAffected;
import org.hromada.aid.Sector;
import org.hromada.graphql.GeoPoint;
import org.hromada.graphql.Money;

import org.springframework.graphql.data.ArgumentValue;

import static org.hromada.graphql.ArgumentValues.changedOr;

/** The inputs of the project queries and mutations, as the schema declares them. */
final class ProjectInputs {

	private ProjectInputs() {
	}

	record ProjectFilter(List<String> communities, List<ProjectStatus> statuses, List<AssetCategory> assetCategories,
			List<Sector> sectors, String organizationKey, Money fundingGapAbove) {

		static final ProjectFilter NONE = new ProjectFilter(null, null, null, null, null, null);

	}

	record DamageAssessmentInput(String scheme, DamageGrade grade, OffsetDateTime assessedAt, String assessedBy) {

		DamageAssessment toStored() {
			return new DamageAssessment((this.scheme != null) ? this.scheme.strip() : null, this.grade,
					(this.assessedAt != null) ? this.assessedAt.toInstant() : null,
					(this.assessedBy != null && !this.assessedBy.isBlank()) ? this.assessedBy.strip() : null);
		}

	}

	record CreateProjectInput(String communityPcode, String title, String description, Sector sector,
			AssetCategory assetCategory, ProjectType projectType, DamageAssessmentInput damageAssessment,
			List<ProjectOrganization> organizations, List<Money> budget, PeopleAffected peopleToBenefit,
			Integer peopleReached, List<String> linkedAidRequestIds, ExternalReferences externalReferences,
			GeoPoint location) {

		ProjectFields fields() {
			return new ProjectFields(this.title, this.description, this.sector, this.assetCategory, this.projectType,
					(this.damageAssessment != null) ? this.damageAssessment.toStored() : null, this.organizations,
					this.budget, this.peopleToBenefit, this.peopleReached, this.linkedAidRequestIds,
					this.externalReferences, this.location);
		}

	}

	/**
	 * An omitted field keeps its value; an explicit null clears it (refused where
	 * required).
	 */
	record UpdateProjectInput(String id, Long version, ArgumentValue<String> title, ArgumentValue<String> description,
			ArgumentValue<Sector> sector, ArgumentValue<AssetCategory> assetCategory,
			ArgumentValue<ProjectType> projectType, ArgumentValue<DamageAssessmentInput> damageAssessment,
			ArgumentValue<List<ProjectOrganization>> organizations, ArgumentValue<List<Money>> budget,
			ArgumentValue<PeopleAffected> peopleToBenefit, ArgumentValue<Integer> peopleReached,
			ArgumentValue<List<String>> linkedAidRequestIds, ArgumentValue<ExternalReferences> externalReferences,
			ArgumentValue<GeoPoint> location) {

		ProjectFields applyTo(ProjectFields current) {
			DamageAssessment assessment = current.damageAssessment();
			if (this.damageAssessment != null && !this.damageAssessment.isOmitted()) {
				assessment = this.damageAssessment.isPresent() ? this.damageAssessment.value().toStored() : null;
			}
			return new ProjectFields(changedOr(this.title, current.title()),
					changedOr(this.description, current.description()), changedOr(this.sector, current.sector()),
					changedOr(this.assetCategory, current.assetCategory()),
					changedOr(this.projectType, current.projectType()), assessment,
					changedOr(this.organizations, current.organizations()), changedOr(this.budget, current.budget()),
					changedOr(this.peopleToBenefit, current.peopleToBenefit()),
					changedOr(this.peopleReached, current.peopleReached()),
					changedOr(this.linkedAidRequestIds, current.linkedAidRequestIds()),
					changedOr(this.externalReferences, current.externalReferences()),
					changedOr(this.location, current.location()));
		}

		boolean changes(ArgumentValue<?> field) {
			return field != null && !field.isOmitted();
		}

	}

	record ChangeProjectStatusInput(String id, Long version, ProjectStatus status,
			@NotBlank @Size(max = 500) String reason) {

	}

	record AddMilestoneInput(String projectId, Long version, String title, OffsetDateTime plannedStart,
			OffsetDateTime plannedEnd, Integer percentComplete) {

	}

	/** An omitted field keeps its value; an explicit null clears a date. */
	record UpdateMilestoneInput(String projectId, Long version, String milestoneId, ArgumentValue<String> title,
			ArgumentValue<OffsetDateTime> plannedStart, ArgumentValue<OffsetDateTime> plannedEnd,
			ArgumentValue<OffsetDateTime> actualStart, ArgumentValue<OffsetDateTime> actualEnd,
			ArgumentValue<Integer> percentComplete) {

		/**
		 * The milestone with the changes; an explicit null percentComplete becomes -1,
		 * out of bounds, so that it is refused like any other invalid value.
		 */
		Milestone applyTo(Milestone current) {
			return new Milestone(current.id(), changedOr(this.title, current.title()),
					instant(this.plannedStart, current.plannedStart()), instant(this.plannedEnd, current.plannedEnd()),
					instant(this.actualStart, current.actualStart()), instant(this.actualEnd, current.actualEnd()),
					(this.percentComplete == null || this.percentComplete.isOmitted()) ? current.percentComplete()
							: (this.percentComplete.value() != null) ? this.percentComplete.value() : -1,
					current.completed());
		}

		private static Instant instant(ArgumentValue<OffsetDateTime> change, Instant current) {
			if (change == null || change.isOmitted()) {
				return current;
			}
			return change.isPresent() ? change.value().toInstant() : null;
		}

	}

	record CompleteMilestoneInput(String projectId, Long version, String milestoneId, OffsetDateTime actualEnd) {

	}

	record RecordFundingInput(String clientRequestId, String projectId, String organizationKey, FundingKind kind,
			Money amount, OffsetDateTime date, String note) {

	}

}
