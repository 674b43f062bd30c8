package org.hromada.organization;

import org.hromada.graphql.ApiMapperConfig;
import org.hromada.store.IgnoreAuditFields;
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
	@IgnoreAuditFields
	@Mapping(target = "sample", ignore = true)
	void apply(OrganizationFields fields, @MappingTarget OrganizationDocument document);

}
