package org.hromada.subscription;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hromada.activity.Activity;
import org.hromada.activity.ActivityFeed;
import org.hromada.aid.AidRequest;
import org.hromada.aid.AidRequestService;
import org.hromada.graphql.BadRequestException;
import org.hromada.security.Access;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * aidRequestChanged: each change of an aid request recorded in the activity log, as the
 * request's current state, loaded with the subscriber's access (so a request outside
 * their communities is never loaded) and resolved like any other AidRequest, sensitive
 * fields included.
 */
@Controller
class AidRequestChangeController {

	/** The entity type aid requests record their changes under. */
	private static final String AID_REQUEST = "AidRequest";

	/**
	 * Changes of the request itself; the log's audit entries about a request
	 * (access.withheld, access.denied) are not changes of it.
	 */
	private static final String CHANGE_PREFIX = "aidRequest.";

	private static final int MAX_COMMUNITIES = 100;

	private final ActivityFeed feed;

	private final AidRequestService requests;

	AidRequestChangeController(ActivityFeed feed, AidRequestService requests) {
		this.feed = feed;
		this.requests = requests;
	}

	@SubscriptionMapping
	Flux<AidRequest> aidRequestChanged(@Argument List<String> communityPcodes, Access access) {
		Set<String> communities = communities(communityPcodes, access);
		return this.feed.entries()
			.filter(entry -> AID_REQUEST.equals(entry.entityType()) && entry.action().startsWith(CHANGE_PREFIX)
					&& (communities.isEmpty() || communities.contains(entry.communityPcode())))
			// Loaded off the feed's thread, one at a time, so that events keep
			// the order of the log.
			.concatMap(entry -> Mono.fromCallable(() -> current(entry, access))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap(Mono::justOrEmpty));
	}

	/**
	 * The named communities, each one the caller may follow (another community's is
	 * FORBIDDEN, before anything is subscribed); empty for all the access reaches.
	 */
	private static Set<String> communities(List<String> communityPcodes, Access access) {
		if (communityPcodes == null) {
			return Set.of();
		}
		if (communityPcodes.isEmpty() || communityPcodes.size() > MAX_COMMUNITIES) {
			throw new BadRequestException(
					"communityPcodes must name 1 to " + MAX_COMMUNITIES + " communities, or be omitted");
		}
		communityPcodes.forEach(access::requireCommunity);
		return Set.copyOf(communityPcodes);
	}

	/**
	 * The request as it is now, if the access reaches it: the query itself is limited to
	 * the caller's communities.
	 */
	private Optional<AidRequest> current(Activity entry, Access access) {
		return Optional.ofNullable(this.requests.findAll(Set.of(entry.entityId()), access).get(entry.entityId()));
	}

}
