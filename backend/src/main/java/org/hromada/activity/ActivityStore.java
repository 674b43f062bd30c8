package org.hromada.activity;

import org.hromada.store.CollectionIndexes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Indexes of the activity log: newest first, overall and per record, actor and community.
 * The "at" index (at, _id) also serves the live feed of subscriptions
 * ({@link ActivityFeed}), which reads it in the other direction: entries from a time on,
 * oldest first.
 */
@Configuration(proxyBeanMethods = false)
class ActivityStore {

	@Bean
	CollectionIndexes activityIndexes() {
		return CollectionIndexes.of(ActivityDocument.COLLECTION,
				new Index().on("at", Direction.DESC).on("_id", Direction.DESC).named("at"),
				new Index().on("key", Direction.ASC).unique().sparse().named("key_unique"),
				new Index().on("entityType", Direction.ASC)
					.on("entityId", Direction.ASC)
					.on("at", Direction.DESC)
					.named("entity_at"),
				new Index().on("actorId", Direction.ASC).on("at", Direction.DESC).named("actor_at"),
				new Index().on("communityPcode", Direction.ASC).on("at", Direction.DESC).named("community_at"));
	}

}
