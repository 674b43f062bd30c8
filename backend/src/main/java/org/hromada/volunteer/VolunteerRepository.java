package org.hromada.volunteer;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored volunteer profiles. */
interface VolunteerRepository extends MongoRepository<VolunteerDocument, String> {

}
