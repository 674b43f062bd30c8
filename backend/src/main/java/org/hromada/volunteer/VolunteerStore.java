package org.hromada.volunteer;

import org.hromada.store.CollectionIndexes;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Indexes behind every volunteer query: lists per community in id order, candidates of a
 * community by status (matching).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ VolunteerSettings.class, RegistrationSettings.class })
class VolunteerStore {

	@Bean
	CollectionIndexes volunteerIndexes() {
		return CollectionIndexes.of(VolunteerDocument.COLLECTION,
				new Index().on("communities", Direction.ASC).on("_id", Direction.ASC).named("community_id"),
				new Index().on("communities", Direction.ASC)
					.on("status", Direction.ASC)
					.on("_id", Direction.ASC)
					.named("community_status"));
	}

}
