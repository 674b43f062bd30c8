package org.hromada.graphql;

import org.mapstruct.InjectionStrategy;
import org.mapstruct.MapperConfig;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/**
 * The one MapStruct configuration every mapper uses: Spring beans with constructor
 * injection, and a compile error for any target property left unmapped, so a new field is
 * never silently dropped.
 */
@MapperConfig(componentModel = MappingConstants.ComponentModel.SPRING,
		injectionStrategy = InjectionStrategy.CONSTRUCTOR, unmappedTargetPolicy = ReportingPolicy.ERROR,
		uses = ApiValueMappings.class)
public interface ApiMapperConfig {

}
