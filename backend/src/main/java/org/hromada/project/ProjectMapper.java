package org.hromada.project;

import java.util.List;

import org.hromada.graphql.ApiMapperConfig;
import org.hromada.graphql.GeoPoint;
import org.hromada.graphql.StatusHistories;
import org.hromada.store.StoredLocation;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Maps projects from their stored to their API and editable forms. */
@Mapper(config = ApiMapperConfig.class)
interface ProjectMapper {

	@Mapping(target = "statusHistory", expression = "java(statusHistory(document))")
	@Mapping(target = "damageAssessment", expression = "java(damageAssessment(document))")
	@Mapping(target = "fundingEntries", expression = "java(fundingEntries(document))")
	@Mapping(target = "location", expression = "java(toApi(document.getLocation()))")
	Project toApi(ProjectDocument document);

	@Mapping(target = "location", expression = "java(toApi(document.getLocation()))")
	ProjectFields toFields(ProjectDocument document);

	default List<Project.StatusChangeView> statusHistory(ProjectDocument document) {
		Project.Owner owner = owner(document);
		return StatusHistories.latest(document.getStatusHistory())
			.stream()
			.map(change -> new Project.StatusChangeView(change.from(), change.to(), change.by(), change.at(),
					change.reason(), owner))
			.toList();
	}

	default Project.DamageAssessmentView damageAssessment(ProjectDocument document) {
		DamageAssessment assessment = document.getDamageAssessment();
		return (assessment != null) ? new Project.DamageAssessmentView(assessment.scheme(), assessment.grade(),
				assessment.assessedAt(), assessment.assessedBy(), owner(document)) : null;
	}

	default List<Project.FundingEntryView> fundingEntries(ProjectDocument document) {
		Project.Owner owner = owner(document);
		return document.getFundingEntries().stream().map(entry -> fundingEntry(entry, owner)).toList();
	}

	default Project.FundingEntryView fundingEntry(FundingEntry entry, Project.Owner owner) {
		return new Project.FundingEntryView(entry.id(), entry.organizationKey(), entry.kind(), entry.amount(),
				entry.date(), entry.note(), entry.recordedBy(), entry.recordedAt(), entry.clientRequestId(), owner);
	}

	default Project.Owner owner(ProjectDocument document) {
		return new Project.Owner(Project.ENTITY_TYPE, document.getId(), document.getCommunityPcode(),
				Project.keys(document.getOrganizations()));
	}

	default GeoPoint toApi(StoredLocation location) {
		return (location != null) ? new GeoPoint(location.point().getY(), location.point().getX()) : null;
	}

}
