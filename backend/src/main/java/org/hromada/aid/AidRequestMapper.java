package org.hromada.aid;

import org.hromada.graphql.ApiMapperConfig;
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
	AidRequest toApi(AidRequestDocument document);

	@Mapping(target = "peopleAffected", source = "people")
	@Mapping(target = "location", expression = "java(toApi(document.getLocation()))")
	AidRequestFields toFields(AidRequestDocument document);

	default AidRequest.PriorityExplanation explanation(AidRequestDocument document) {
		return new AidRequest.PriorityExplanation(Priority.ofScore(document.getPriorityScore()),
				document.getPriorityScore(), document.getPriorityFactors(), document.getPriorityComputedAt(),
				document.getPriorityOverride());
	}

	default org.hromada.graphql.GeoPoint toApi(StoredLocation location) {
		return (location != null) ? new org.hromada.graphql.GeoPoint(location.point().getY(), location.point().getX())
				: null;
	}

}
