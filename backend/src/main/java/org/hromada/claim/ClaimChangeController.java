package org.hromada.claim;

import java.util.Optional;
import java.util.Set;

import org.hromada.activity.Activity;
import org.hromada.activity.ActivityFeed;
import org.hromada.security.Access;
import org.hromada.security.AccessScope;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * claimChanged: each change of a claim recorded in the activity log (claimed, confirmed,
 * rejected, released, transferred, progress, expired, ended), as the claim's current
 * state, to who may read it: the holding organisation's partners learn so that their
 * claim expired or was transferred away.
 */
@Controller
class ClaimChangeController {

	private static final String CLAIM = "Claim";

	private final ActivityFeed feed;

	private final ClaimSearch search;

	ClaimChangeController(ActivityFeed feed, ClaimSearch search) {
		this.feed = feed;
		this.search = search;
	}

	@SubscriptionMapping
	Flux<Claim> claimChanged(Access access) {
		return this.feed.entries()
			.filter(entry -> CLAIM.equals(entry.entityType()) && entry.action().startsWith("claim.")
					&& (access.scope() != AccessScope.OWN_COMMUNITIES
							|| access.caller().serves(entry.communityPcode())))
			// Loaded off the feed's thread, one at a time, so that events keep the order
			// of the log.
			.concatMap(entry -> Mono.fromCallable(() -> current(entry, access))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap(Mono::justOrEmpty));
	}

	private Optional<Claim> current(Activity entry, Access access) {
		return Optional.ofNullable(this.search.byIds(Set.of(entry.entityId())).get(entry.entityId()))
			.filter(claim -> access.scope() == AccessScope.ANY || ClaimController.reaches(access.caller(), claim));
	}

}
