package org.hromada.project;

import org.hromada.store.CollectionIndexes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Indexes behind every project query: lists in each order, alone or by community, status,
 * asset category, sector or organisation; the funding gap per currency; and the milestone
 * look-up of volunteer assignments.
 */
@Configuration(proxyBeanMethods = false)
class ProjectStore {

	@Bean
	CollectionIndexes projectIndexes() {
		return CollectionIndexes.of(ProjectDocument.COLLECTION,
				new Index().on("createdAt", Direction.DESC).on("_id", Direction.DESC).named("created"),
				new Index().on("updatedAt", Direction.DESC).on("_id", Direction.DESC).named("updated"),
				new Index().on("communityPcode", Direction.ASC)
					.on("createdAt", Direction.DESC)
					.on("_id", Direction.DESC)
					.named("community_created"),
				new Index().on("status", Direction.ASC)
					.on("createdAt", Direction.DESC)
					.on("_id", Direction.DESC)
					.named("status_created"),
				new Index().on("assetCategory", Direction.ASC)
					.on("createdAt", Direction.DESC)
					.on("_id", Direction.DESC)
					.named("asset_category_created"),
				new Index().on("sector", Direction.ASC)
					.on("createdAt", Direction.DESC)
					.on("_id", Direction.DESC)
					.named("sector_created"),
				new Index().on("organizationKeys", Direction.ASC)
					.on("createdAt", Direction.DESC)
					.on("_id", Direction.DESC)
					.named("organizations_created"),
				new Index().on("fundingGaps.currency", Direction.ASC)
					.on("fundingGaps.amountMinor", Direction.DESC)
					.named("funding_gaps"),
				new Index().on("milestones.id", Direction.ASC).named("milestone_ids"));
	}

}
