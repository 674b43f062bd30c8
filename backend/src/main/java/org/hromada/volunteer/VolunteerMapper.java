package org.hromada.volunteer;

import org.hromada.graphql.ApiMapperConfig;
import org.mapstruct.Mapper;

/** Maps volunteer profiles from their stored to their API form. */
@Mapper(config = ApiMapperConfig.class)
interface VolunteerMapper {

	Volunteer toApi(VolunteerDocument document);

}
