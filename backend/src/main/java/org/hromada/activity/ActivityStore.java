package org.hromada.activity;

import org.hromada.store.CollectionIndexes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Indexes of the activity log: newest first (time descending, then id ascending), overall
 * and per record, actor and community. The "at" index (at, _id both descending) serves
 * the live feed of subscriptions ({@link ActivityFeed}), which reads it in the other
 * direction: entries from a time on, oldest first.
 */
@Configuration(proxyBeanMethods = false)
class ActivityStore {

	/**
	 * Each ends in the sort of the list ({@link ActivityService#NEWEST_FIRST}: at
	 * descending, then id ascending, as Spring Data's keyset scrolling appends the id
	 * ascending whatever the sort says) after the equality fields of its filter or scope,
	 * so that a page is read off the index in order, never sorted in memory; a
	 * coordinator's $in over their communities merges the sorted runs of each.
	 */
	@Bean
	CollectionIndexes activityIndexes() {
		return CollectionIndexes
			.of(ActivityDocument.COLLECTION, new Index().on("at", Direction.DESC).on("_id", Direction.DESC).named("at"),
					new Index().on("at", Direction.DESC).on("_id", Direction.ASC).named("newest"),
					new Index().on("key", Direction.ASC).unique().sparse().named("key_unique"),
					new Index().on("entityType", Direction.ASC)
						.on("entityId", Direction.ASC)
						.on("at", Direction.DESC)
						.on("_id", Direction.ASC)
						.named("entity_newest"),
					new Index().on("actorId", Direction.ASC)
						.on("at", Direction.DESC)
						.on("_id", Direction.ASC)
						.named("actor_newest"),
					new Index().on("communityPcode", Direction.ASC)
						.on("at", Direction.DESC)
						.on("_id", Direction.ASC)
						.named("community_newest"))
			// Earlier releases ended these in at alone, then in _id descending.
			.replacing("entity_at", "actor_at", "community_at", "entity_at_id", "actor_at_id", "community_at_id");
	}

}
