package org.hromada.community;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CommunityRepository extends MongoRepository<CommunityDocument, String> {

	Optional<CommunityDocument> findByPcode(String pcode);

	List<CommunityDocument> findByPcodeIn(Collection<String> pcodes);

}
