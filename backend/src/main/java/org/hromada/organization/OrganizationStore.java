package org.hromada.organization;

import org.hromada.store.CollectionIndexes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The indexes behind every organisation query: key lookups (unique, so a race between two
 * creators of one key is settled by the store) and the filtered, key-ordered list. The
 * list's indexes end in _id, because Spring Data's keyset scrolling appends the id to
 * every sort, and only an index holding it serves the sort.
 */
@Configuration(proxyBeanMethods = false)
class OrganizationStore {

	@Bean
	CollectionIndexes organizationIndexes() {
		return CollectionIndexes
			.of(OrganizationDocument.COLLECTION, new Index().on("key", Direction.ASC).unique().named("key_unique"),
					new Index().on("key", Direction.ASC).on("_id", Direction.ASC).named("key_id"),
					new Index().on("type", Direction.ASC)
						.on("key", Direction.ASC)
						.on("_id", Direction.ASC)
						.named("type_key_id"),
					new Index().on("sectors", Direction.ASC)
						.on("key", Direction.ASC)
						.on("_id", Direction.ASC)
						.named("sectors_key_id"),
					new Index().on("communityPcodes", Direction.ASC)
						.on("key", Direction.ASC)
						.on("_id", Direction.ASC)
						.named("communities_key_id"))
			// Earlier releases ended these in the key.
			.replacing("type_key", "sectors_key", "communities_key");
	}

}
