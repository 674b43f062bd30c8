package org.hromada.activity;

import org.hromada.graphql.ApiMapperConfig;
import org.mapstruct.Mapper;

@Mapper(config = ApiMapperConfig.class)
interface ActivityMapper {

	Activity toApi(ActivityDocument document);

	AuditCheckpoint toApi(AuditCheckpointDocument document);

}
