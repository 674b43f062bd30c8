package org.hromada.activity;

import org.hromada.store.CollectionIndexes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Indexes of the activity log: newest first (time, then id), overall and per record,
 * actor and community. The "at" index (at, _id) also serves the live feed of
 * subscriptions ({@link ActivityFeed}), which reads it in the other direction: entries
 * from a time on, oldest first.
 */
@Configuration(proxyBeanMethods = false)
class ActivityStore {

	/**
	 * Each ends in the sort of the list ({@link ActivityService#NEWEST_FIRST}: at, then
	 * id, both descending) after the equality fields of its filter or scope, so that a
	 * page is read off the index in order, never sorted in memory; a coordinator's $in
	 * over their communities merges the sorted runs of each.
	 */
	@Bean
	CollectionIndexes activityIndexes() {
		return CollectionIndexes
			.of(ActivityDocument.COLLECTION, new Index().on("at", Direction.DESC).on("_id", Direction.DESC).named("at"),
					new Index().on("key", Direction.ASC).unique().sparse().named("key_unique"),
					new Index().on("entityType", Direction.ASC)
						.on("entityId", Direction.ASC)
						.on("at", Direction.DESC)
						.on("_id", Direction.DESC)
						.named("entity_at_id"),
					new Index().on("actorId", Direction.ASC)
						.on("at", Direction.DESC)
						.on("_id", Direction.DESC)
						.named("actor_at_id"),
					new Index().on("communityPcode", Direction.ASC)
						.on("at", Direction.DESC)
						.on("_id", Direction.DESC)
						.named("community_at_id"))
			// Earlier releases ended these in at alone.
			.replacing("entity_at", "actor_at", "community_at");
	}

}
