package org.hromada.aid;

import org.hromada.store.CollectionIndexes;
import org.hromada.store.StoredLocation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Indexes behind every aid request query: the idempotency key (unique per reporter),
 * lists per community in each order, duplicate detection, proximity by H3 cell and text
 * search by token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AidSettings.class, PriorityWeights.class })
class AidStore {

	@Bean
	CollectionIndexes aidRequestIndexes() {
		return CollectionIndexes.of(AidRequestDocument.COLLECTION,
				new Index().on("reportedBy", Direction.ASC)
					.on("clientRequestId", Direction.ASC)
					.unique()
					.named("reporter_client_request_unique"),
				new Index().on("communityPcode", Direction.ASC)
					.on("createdAt", Direction.DESC)
					.on("_id", Direction.DESC)
					.named("community_created"),
				new Index().on("communityPcode", Direction.ASC)
					.on("priorityRank", Direction.DESC)
					.on("createdAt", Direction.DESC)
					.on("_id", Direction.DESC)
					.named("community_priority"),
				// The coordinators' triage queue: their communities' needs of some
				// urgencies, by priority.
				new Index().on("communityPcode", Direction.ASC)
					.on("urgency", Direction.ASC)
					.on("priorityRank", Direction.DESC)
					.on("createdAt", Direction.DESC)
					.on("_id", Direction.DESC)
					.named("community_urgency_priority"),
				new Index().on("communityPcode", Direction.ASC)
					.on("neededBySort", Direction.ASC)
					.on("_id", Direction.ASC)
					.named("community_needed_by"),
				new Index().on("createdAt", Direction.DESC).on("_id", Direction.DESC).named("created"),
				new Index().on("priorityRank", Direction.DESC)
					.on("createdAt", Direction.DESC)
					.on("_id", Direction.DESC)
					.named("priority"),
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
					.on("_id", Direction.DESC)
					.named("claim_organization_created"),
				new Index().on("claimState", Direction.ASC)
					.on("createdAt", Direction.DESC)
					.on("_id", Direction.DESC)
					.named("claim_state_created"));
	}

}
