package org.hromada.organization;

import org.hromada.graphql.ApiMapperConfig;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

/** Maps organisations between their stored, editable and API forms. */
@Mapper(config = ApiMapperConfig.class)
interface OrganizationMapper {

	Organization toApi(OrganizationDocument document);

	OrganizationFields toFields(OrganizationDocument document);

	/**
	 * Writes the editable content onto a stored organisation; identity, version, audit
	 * and sample stay.
	 */
	@BeanMapping(ignoreUnmappedSourceProperties = {})
	@Mapping(target = "id", ignore = true)
	@Mapping(target = "version", ignore = true)
	@Mapping(target = "sample", ignore = true)
	@Mapping(target = "createdAt", ignore = true)
	@Mapping(target = "createdBy", ignore = true)
	@Mapping(target = "updatedAt", ignore = true)
	@Mapping(target = "updatedBy", ignore = true)
	void apply(OrganizationFields fields, @MappingTarget OrganizationDocument document);

}
