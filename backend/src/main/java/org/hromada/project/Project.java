package org.hromada.project;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hromada.aid.PeopleAffected;
import org.hromada.aid.Sector;
import org.hromada.graphql.GeoPoint;
import org.hromada.graphql.Money;
import org.hromada.security.Guarded;
import org.hromada.security.GuardedPart;

/**
 * A rebuilding project as the API shows it. Partner users of the organisations on the
 * project see it in full ({@link #entitledOrganizations()}); others see the free-text
 * fields marked @sensitive only as the access policy allows.
 */
record Project(String id, Long version, String communityPcode, String title, String description, Sector sector,
		AssetCategory assetCategory, ProjectType projectType, ProjectStatus status, ProjectStatus heldFrom,
		List<StatusChangeView> statusHistory, DamageAssessmentView damageAssessment,
		List<ProjectOrganization> organizations, List<Money> budget, List<FundingTotals> fundingTotals,
		List<FundingEntryView> fundingEntries, List<Milestone> milestones, Integer progress,
		PeopleAffected peopleToBenefit, Integer peopleReached, List<String> linkedAidRequestIds,
		ExternalReferences externalReferences, GeoPoint location, Instant createdAt,
		Instant updatedAt) implements Guarded {

	static final String ENTITY_TYPE = "Project";

	@Override
	public String entityType() {
		return ENTITY_TYPE;
	}

	/** The organisations on the project, in any role. */
	@Override
	public Set<String> entitledOrganizations() {
		return keys(this.organizations);
	}

	public String clusterCode() {
		return this.sector.clusterCode();
	}

	static Set<String> keys(List<ProjectOrganization> organizations) {
		return organizations.stream()
			.map(ProjectOrganization::organizationKey)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/**
	 * Whom a nested value of a project belongs to: its sensitive fields (a status
	 * change's reason, a funding note) are judged by the project.
	 */
	record Owner(String entityType, String id, String communityPcode,
			Set<String> entitledOrganizations) implements Guarded {

	}

	/** A status change as shown. */
	record StatusChangeView(ProjectStatus from, ProjectStatus to, String by, Instant at, String reason,
			Owner owner) implements GuardedPart {

	}

	/** A damage assessment as shown. */
	record DamageAssessmentView(String scheme, DamageGrade grade, Instant assessedAt, String assessedBy,
			Owner owner) implements GuardedPart {

	}

	/**
	 * A funding entry as shown, judged by its project (the audit names the entry).
	 */
	record FundingEntryView(String id, String organizationKey, FundingKind kind, Money amount, Instant date,
			String note, String recordedBy, Instant recordedAt, String clientRequestId,
			Owner owner) implements Guarded {

		@Override
		public String entityType() {
			return "FundingEntry";
		}

		@Override
		public String communityPcode() {
			return this.owner.communityPcode();
		}

		@Override
		public Set<String> entitledOrganizations() {
			return this.owner.entitledOrganizations();
		}

	}

}
