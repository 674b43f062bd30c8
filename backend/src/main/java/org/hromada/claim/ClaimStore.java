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
 * <p>
 * The lists' indexes end in _id ascending after the descending claim time: Spring Data's
 * keyset scrolling appends the id ascending to every sort, whatever direction the sort
 * gives it, and an index serves a sort only in its own directions or all reversed.
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
					.on("_id", Direction.ASC)
					.named("need_claimed_id"),
				new Index().on("communityPcode", Direction.ASC)
					.on("claimedAt", Direction.DESC)
					.on("_id", Direction.ASC)
					.named("community_claimed_id"),
				new Index().on("organizationKey", Direction.ASC)
					.on("claimedAt", Direction.DESC)
					.on("_id", Direction.ASC)
					.named("organization_claimed_id"),
				new Index().on("claimedAt", Direction.DESC).on("_id", Direction.ASC).named("claimed_id"),
				// Sparse: only claims written and not yet mirrored carry the field.
				new Index().on(ClaimMirrors.PENDING, Direction.ASC).sparse().named("mirror_pending"))
			// Earlier releases ended the lists in _id descending.
			.replacing("need_claimed", "community_claimed", "organization_claimed", "claimed");
	}

}
