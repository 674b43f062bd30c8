package org.hromada.aid;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface AidRequestRepository extends MongoRepository<AidRequestDocument, String> {

	Optional<AidRequestDocument> findByReportedByAndClientRequestId(String reportedBy, String clientRequestId);

}
