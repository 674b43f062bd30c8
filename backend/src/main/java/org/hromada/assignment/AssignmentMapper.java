package org.hromada.assignment;

import org.hromada.graphql.ApiMapperConfig;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Maps assignments from their stored to their API form. */
@Mapper(config = ApiMapperConfig.class)
interface AssignmentMapper {

	@Mapping(target = "taskRef", expression = "java(document.task())")
	@Mapping(target = "window", expression = "java(document.window())")
	Assignment toApi(AssignmentDocument document);

}
