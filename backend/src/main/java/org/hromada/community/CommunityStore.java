package org.hromada.community;

import org.hromada.store.CollectionIndexes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The indexes behind every community query: P-code lookups and the filtered,
 * P-code-ordered list. The list's indexes end in _id, because Spring Data's keyset
 * scrolling appends the id to every sort, and only an index holding it serves the sort (a
 * P-code is unique, but MongoDB does not know that the id never decides).
 */
@Configuration(proxyBeanMethods = false)
class CommunityStore {

	@Bean
	CollectionIndexes communityIndexes() {
		return CollectionIndexes
			.of(CommunityDocument.COLLECTION, new Index().on("pcode", Direction.ASC).unique().named("pcode_unique"),
					new Index().on("pcode", Direction.ASC).on("_id", Direction.ASC).named("pcode_id"),
					new Index().on("adm1.pcode", Direction.ASC)
						.on("pcode", Direction.ASC)
						.on("_id", Direction.ASC)
						.named("adm1_pcode_id"),
					new Index().on("accessStatus", Direction.ASC)
						.on("pcode", Direction.ASC)
						.on("_id", Direction.ASC)
						.named("access_pcode_id"))
			// Earlier releases ended these in the P-code.
			.replacing("adm1_pcode", "access_pcode");
	}

}
