package org.hromada.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface OrganizationRepository extends MongoRepository<OrganizationDocument, String> {

	Optional<OrganizationDocument> findByKey(String key);

	List<OrganizationDocument> findByKeyIn(Collection<String> keys);

}
