package org.hromada.aid;

import org.hromada.store.CollectionIndexes;
import org.hromada.store.StoredLocation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Indexes behind every aid request query: the idempotency key, lists per community in
 * each order, duplicate detection, proximity by H3 cell and text search by token.
 * <p>
 * The idempotency key is unique per community, reporter and clientRequestId: a unique
 * index must begin with the shard key for a sharded cluster to enforce it, and the
 * collection shards by community (k8s/README.md). A retry carries the content of its
 * first attempt, its community included, so the key still settles racing retries; the
 * look-up of an earlier submission reads by reporter and key in any community, so the
 * same key with other content is refused there too.
 * <p>
 * The lists' indexes end in _id ascending, also after descending keys: Spring Data's
 * keyset scrolling appends the id ascending to every sort, whatever direction the sort
 * gives it, and an index serves a sort only in its own directions or all reversed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AidSettings.class, PriorityWeights.class })
class AidStore {

	@Bean
	CollectionIndexes aidRequestIndexes() {
		return CollectionIndexes.of(AidRequestDocument.COLLECTION,
				new Index().on("communityPcode", Direction.ASC)
					.on("reportedBy", Direction.ASC)
					.on("clientRequestId", Direction.ASC)
					.unique()
					.named("community_reporter_client_request_unique"),
				// Not (reportedBy, clientRequestId): MongoDB refuses a second index on
				// the keys of the unique one it replaces while that one exists.
				new Index().on("reportedBy", Direction.ASC)
					.on("clientRequestId", Direction.ASC)
					.on("communityPcode", Direction.ASC)
					.named("reporter_client_request"),
				new Index().on("communityPcode", Direction.ASC)
					.on("createdAt", Direction.DESC)
					.on("_id", Direction.ASC)
					.named("community_created_id"),
				new Index().on("communityPcode", Direction.ASC)
					.on("priorityRank", Direction.DESC)
					.on("createdAt", Direction.DESC)
					.on("_id", Direction.ASC)
					.named("community_priority_id"),
				// The coordinators' triage queue: their communities' needs of some
				// urgencies, by priority (keyset scrolling sends the id ascending).
				new Index().on("communityPcode", Direction.ASC)
					.on("urgency", Direction.ASC)
					.on("priorityRank", Direction.DESC)
					.on("createdAt", Direction.DESC)
					.on("_id", Direction.ASC)
					.named("community_urgency_priority_id"),
				new Index().on("communityPcode", Direction.ASC)
					.on("neededBySort", Direction.ASC)
					.on("_id", Direction.ASC)
					.named("community_needed_by"),
				new Index().on("createdAt", Direction.DESC).on("_id", Direction.ASC).named("created_id"),
				new Index().on("priorityRank", Direction.DESC)
					.on("createdAt", Direction.DESC)
					.on("_id", Direction.ASC)
					.named("priority_id"),
				new Index().on("neededBySort", Direction.ASC).on("_id", Direction.ASC).named("needed_by"),
				new Index().on("communityPcode", Direction.ASC)
					.on("sector", Direction.ASC)
					.on("status", Direction.ASC)
					.on("createdAt", Direction.DESC)
					.named("duplicate_candidates"),
				new Index().on("location." + StoredLocation.R5, Direction.ASC).named("cell_r5"),
				new Index().on("location." + StoredLocation.R7, Direction.ASC).named("cell_r7"),
				new Index().on("location." + StoredLocation.R9, Direction.ASC).named("cell_r9"),
				new Index().on("status", Direction.ASC)
					.on("priorityComputedAt", Direction.ASC)
					.named("status_priority_computed"),
				new Index().on("searchTokens", Direction.ASC).named("search_tokens"),
				new Index().on("titleTokens", Direction.ASC).named("title_tokens"),
				new Index().on("reportedBy", Direction.ASC).on("createdAt", Direction.DESC).named("reporter_created"),
				new Index().on("claimOrganization", Direction.ASC)
					.on("createdAt", Direction.DESC)
					.on("_id", Direction.ASC)
					.named("claim_organization_created_id"),
				new Index().on("claimState", Direction.ASC)
					.on("createdAt", Direction.DESC)
					.on("_id", Direction.ASC)
					.named("claim_state_created_id"))
			// Earlier releases keyed retries by reporter alone and ended the lists in _id
			// descending.
			.replacing("reporter_client_request_unique", "community_created", "community_priority", "created",
					"priority", "claim_organization_created", "claim_state_created");
	}

}
