package org.hromada.community;

import org.hromada.store.CollectionIndexes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The indexes behind every community query: P-code lookups and the filtered,
 * P-code-ordered list.
 */
@Configuration(proxyBeanMethods = false)
class CommunityStore {

	@Bean
	CollectionIndexes communityIndexes() {
		return CollectionIndexes.of(CommunityDocument.COLLECTION,
				new Index().on("pcode", Direction.ASC).unique().named("pcode_unique"),
				new Index().on("adm1.pcode", Direction.ASC).on("pcode", Direction.ASC).named("adm1_pcode"),
				new Index().on("accessStatus", Direction.ASC).on("pcode", Direction.ASC).named("access_pcode"));
	}

}
