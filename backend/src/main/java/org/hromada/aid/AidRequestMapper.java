package org.hromada.aid;

import java.util.List;

import org.hromada.graphql.ApiMapperConfig;
import org.hromada.graphql.StatusHistories;
import org.hromada.store.StoredLocation;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Maps aid requests from their stored to their API and editable forms. */
@Mapper(config = ApiMapperConfig.class)
interface AidRequestMapper {

	@Mapping(target = "peopleAffected", source = "people")
	@Mapping(target = "priorityExplanation", expression = "java(explanation(document))")
	@Mapping(target = "location", expression = "java(toApi(document.getLocation()))")
	@Mapping(target = "coarseCell", source = "location.r5")
	@Mapping(target = "statusHistory", expression = "java(statusHistory(document))")
	AidRequest toApi(AidRequestDocument document);

	@Mapping(target = "peopleAffected", source = "people")
	@Mapping(target = "location", expression = "java(toApi(document.getLocation()))")
	AidRequestFields toFields(AidRequestDocument document);

	default AidRequest.PriorityExplanation explanation(AidRequestDocument document) {
		PriorityOverride override = document.getPriorityOverride();
		return new AidRequest.PriorityExplanation(Priority.ofScore(document.getPriorityScore()),
				document.getPriorityScore(), document.getPriorityFactors(), document.getPriorityComputedAt(),
				(override != null) ? new AidRequest.OverrideView(override.priority(), override.by(), override.reason(),
						override.at(), owner(document)) : null,
				owner(document));
	}

	default List<AidRequest.StatusChangeView> statusHistory(AidRequestDocument document) {
		AidRequest.Owner owner = owner(document);
		return StatusHistories.latest(document.getStatusHistory())
			.stream()
			.map(change -> new AidRequest.StatusChangeView(change.from(), change.to(), change.by(), change.at(),
					change.note(), owner))
			.toList();
	}

	default AidRequest.Owner owner(AidRequestDocument document) {
		return new AidRequest.Owner("AidRequest", document.getId(), document.getCommunityPcode(),
				AidRequest.entitled(document.getReportedBy(), document.getAssignedVolunteerIds()), document.getClaim(),
				document.getStatus());
	}

	default org.hromada.graphql.GeoPoint toApi(StoredLocation location) {
		return (location != null) ? new org.hromada.graphql.GeoPoint(location.point().getY(), location.point().getX())
				: null;
	}

}
