package org.hromada.project;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ProjectRepository extends MongoRepository<ProjectDocument, String> {

}
