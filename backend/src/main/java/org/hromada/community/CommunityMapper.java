package org.hromada.community;

import org.hromada.graphql.ApiMapperConfig;
import org.hromada.store.IgnoreAuditFields;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

/** Maps communities between their stored, editable and API forms. */
@Mapper(config = ApiMapperConfig.class)
interface CommunityMapper {

	Community toApi(CommunityDocument document);

	CommunityFields toFields(CommunityDocument document);

	/**
	 * Writes the editable content onto a stored community; identity, version, audit and
	 * sample stay.
	 */
	@BeanMapping(ignoreUnmappedSourceProperties = {})
	@IgnoreAuditFields
	@Mapping(target = "sample", ignore = true)
	void apply(CommunityFields fields, @MappingTarget CommunityDocument document);

}
