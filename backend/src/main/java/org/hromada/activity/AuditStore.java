package org.hromada.activity;

import org.hromada.store.CollectionIndexes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Indexes of the audit chains of the activity log, kept apart from the log's list indexes
 * ({@link ActivityStore}): the entries not yet chained, oldest first
 * ({@link ActivityChainer}); a chain by position, and an entry of a chain by its hash
 * ({@link AuditChainVerifier}). Chain heads and checkpoints are read by id only.
 */
@Configuration(proxyBeanMethods = false)
class AuditStore {

	@Bean
	CollectionIndexes auditChainIndexes() {
		return CollectionIndexes.of(ActivityDocument.COLLECTION,
				new Index().on("seq", Direction.ASC)
					.on("at", Direction.ASC)
					.on("_id", Direction.ASC)
					.named("unchained"),
				new Index().on("chain", Direction.ASC)
					.on("seq", Direction.ASC)
					.on("_id", Direction.ASC)
					.named("chain_seq"),
				new Index().on("chain", Direction.ASC).on("hash", Direction.ASC).named("chain_hash"));
	}

}
