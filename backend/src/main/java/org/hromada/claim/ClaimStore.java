package org.hromada.claim;

import org.hromada.store.CollectionIndexes;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Indexes of claims: the two sparse unique keys that make "one open claim per need" and
 * "at most the cap per organisation and community" hold under concurrent claims (the
 * embedded store enforces unique and sparse indexes like MongoDB), the expiry scan, the
 * cap count, the lists and the claims whose need's mirror is still to be written.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClaimSettings.class)
class ClaimStore {

	static final String OPEN_NEED_INDEX = "open_need_unique";

	static final String CAP_SLOT_INDEX = "cap_slot_unique";

	@Bean
	CollectionIndexes claimIndexes() {
		return CollectionIndexes.of(ClaimDocument.COLLECTION,
				new Index().on("openNeedId", Direction.ASC).unique().sparse().named(OPEN_NEED_INDEX),
				new Index().on("capSlot", Direction.ASC).unique().sparse().named(CAP_SLOT_INDEX),
				new Index().on("status", Direction.ASC).on("lastProgressAt", Direction.ASC).named("status_progress"),
				new Index().on("organizationKey", Direction.ASC)
					.on("communityPcode", Direction.ASC)
					.on("status", Direction.ASC)
					.named("organization_community_status"),
				new Index().on("aidRequestId", Direction.ASC)
					.on("claimedAt", Direction.DESC)
					.on("_id", Direction.DESC)
					.named("need_claimed"),
				new Index().on("communityPcode", Direction.ASC)
					.on("claimedAt", Direction.DESC)
					.on("_id", Direction.DESC)
					.named("community_claimed"),
				new Index().on("organizationKey", Direction.ASC)
					.on("claimedAt", Direction.DESC)
					.on("_id", Direction.DESC)
					.named("organization_claimed"),
				new Index().on("claimedAt", Direction.DESC).on("_id", Direction.DESC).named("claimed"),
				// Sparse: only claims written and not yet mirrored carry the field.
				new Index().on(ClaimMirrors.PENDING, Direction.ASC).sparse().named("mirror_pending"));
	}

}
