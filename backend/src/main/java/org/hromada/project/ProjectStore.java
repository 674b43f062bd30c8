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
 * <p>
 * The lists' indexes end in _id ascending, also after descending keys: Spring Data's
 * keyset scrolling appends the id ascending to every sort, whatever direction the sort
 * gives it, and an index serves a sort only in its own directions or all reversed.
 * Milestone ids are stored as milestones._id (Spring Data maps an embedded id property to
 * _id), which the look-up queries.
 */
@Configuration(proxyBeanMethods = false)
class ProjectStore {

	@Bean
	CollectionIndexes projectIndexes() {
		return CollectionIndexes
			.of(ProjectDocument.COLLECTION,
					new Index().on("createdAt", Direction.DESC).on("_id", Direction.ASC).named("created_id"),
					new Index().on("updatedAt", Direction.DESC).on("_id", Direction.ASC).named("updated_id"),
					new Index().on("communityPcode", Direction.ASC)
						.on("createdAt", Direction.DESC)
						.on("_id", Direction.ASC)
						.named("community_created_id"),
					new Index().on("status", Direction.ASC)
						.on("createdAt", Direction.DESC)
						.on("_id", Direction.ASC)
						.named("status_created_id"),
					new Index().on("assetCategory", Direction.ASC)
						.on("createdAt", Direction.DESC)
						.on("_id", Direction.ASC)
						.named("asset_category_created_id"),
					new Index().on("sector", Direction.ASC)
						.on("createdAt", Direction.DESC)
						.on("_id", Direction.ASC)
						.named("sector_created_id"),
					new Index().on("organizationKeys", Direction.ASC)
						.on("createdAt", Direction.DESC)
						.on("_id", Direction.ASC)
						.named("organizations_created_id"),
					new Index().on("fundingGaps.currency", Direction.ASC)
						.on("fundingGaps.amountMinor", Direction.DESC)
						.named("funding_gaps"),
					new Index().on("milestones._id", Direction.ASC).named("milestone_ids_stored"))
			// Earlier releases ended the lists in _id descending and
			// indexed milestones.id, which no document holds.
			.replacing("created", "updated", "community_created", "status_created", "asset_category_created",
					"sector_created", "organizations_created", "milestone_ids");
	}

}
