package org.hromada.aid;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hromada.activity.ActivityService;
import org.hromada.community.Community;
import org.hromada.community.CommunityService;
import org.hromada.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Recomputes the stored priority of open requests as time passes, so that a need nobody
 * touches still rises with {@code TIME_WAITING} and surfaces in priority order and
 * {@code minPriority}. Each run takes the open requests whose priority is older than the
 * interval, oldest first and at most the batch size, and writes only their priority
 * fields, each with an update conditional on the version it read: a request changed
 * meanwhile (by a person, or by another replica's refresher) is skipped and retried next
 * run. A coordinator's override stays the effective priority. Not an activity: nobody
 * changed the request.
 */
@Component
@EnableConfigurationProperties(PriorityRefreshSettings.class)
class PriorityRefresher {

	private static final Logger log = LoggerFactory.getLogger(PriorityRefresher.class);

	/** What the priority is computed from; nothing else is read. */
	private static final String[] INPUTS = { "_id", "version", "communityPcode", "sector", "urgency", "people",
			"createdAt", "status", "priorityComputedAt", "priorityOverride", "priority" };

	private final MongoOperations mongo;

	private final AidRequestContent content;

	private final CommunityService communities;

	private final PriorityRefreshSettings settings;

	private final Clock clock;

	private final ActivityService activities;

	PriorityRefresher(MongoOperations mongo, AidRequestContent content, CommunityService communities,
			PriorityRefreshSettings settings, Clock clock, ActivityService activities) {
		this.activities = activities;
		this.mongo = mongo;
		this.content = content;
		this.communities = communities;
		this.settings = settings;
		this.clock = clock;
	}

	/** Counts of one run. */
	record Run(int stale, int refreshed, int skipped, int failed) {

	}

	@Scheduled(fixedDelayString = "${hromada.aid.priority-refresh-interval:15m}",
			initialDelayString = "${hromada.aid.priority-refresh-interval:15m}")
	void scheduledRefresh() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			// The store may be away; the next run tries again.
			log.warn("Priority refresh failed, retrying in {}: {}", this.settings.priorityRefreshInterval(),
					ex.toString());
		}
	}

	/** Refreshes one batch of stale open requests. */
	Run refresh() {
		return refresh(null);
	}

	/**
	 * Refreshes one batch of the stale open requests that also match the scope, if any.
	 */
	Run refresh(Criteria scope) {
		Run run = write(stale(scope));
		log.info("Priority refresh: {} stale open requests, {} refreshed, {} skipped (changed meanwhile), {} failed",
				run.stale(), run.refreshed(), run.skipped(), run.failed());
		return run;
	}

	/**
	 * Open requests (matching the scope, if any) whose priority was computed more than an
	 * interval ago, oldest computation first, at most a batch; only the inputs of the
	 * priority.
	 */
	List<AidRequestDocument> stale(Criteria scope) {
		Instant cutoff = this.clock.instant().minus(this.settings.priorityRefreshInterval());
		Criteria stale = where("status").in(AidRequestStatus.OPEN).and("priorityComputedAt").lt(cutoff);
		Query query = query((scope != null) ? new Criteria().andOperator(scope, stale) : stale)
			.with(Sort.by(Direction.ASC, "priorityComputedAt"))
			.limit(this.settings.priorityRefreshBatchSize());
		query.fields().include(INPUTS);
		return this.mongo.find(query, AidRequestDocument.class);
	}

	/**
	 * Recomputes each request's priority and writes it if the request is still at the
	 * version read. A request whose priority level changed gets an activity entry (all of
	 * the run's in one write), so that aidRequestChanged subscribers see the new order.
	 */
	Run write(List<AidRequestDocument> requests) {
		List<ActivityService.Entry> changedLevels = new ArrayList<>();
		Set<String> pcodes = requests.stream().map(AidRequestDocument::getCommunityPcode).collect(Collectors.toSet());
		Map<String, Community> byPcode = pcodes.isEmpty() ? Map.of() : this.communities.findByPcodes(pcodes);
		int refreshed = 0;
		int skipped = 0;
		int failed = 0;
		for (AidRequestDocument request : requests) {
			Community community = byPcode.get(request.getCommunityPcode());
			if (community == null) {
				log.warn("Priority refresh: aid request {} is of an unknown community", request.getId());
				failed++;
				continue;
			}
			try {
				Priority before = request.getPriority();
				if (write(request, community)) {
					refreshed++;
					if (before != request.getPriority()) {
						changedLevels.add(new ActivityService.Entry(
								"aidRequest.priority." + request.getPriority().name().toLowerCase(), "AidRequest",
								request.getId(), request.getCommunityPcode(),
								"Aid request priority " + before + " -> " + request.getPriority() + " (refreshed)"));
					}
				}
				else {
					skipped++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Priority refresh of aid request {} failed: {}", request.getId(), ex.toString());
				failed++;
			}
		}
		this.activities.recordAll(Caller.SYSTEM, changedLevels);
		return new Run(requests.size(), refreshed, skipped, failed);
	}

	/**
	 * Writes the recomputed priority only if neither a person (version) nor another
	 * replica (computed at) changed the request since it was read. The version is kept as
	 * it is: a refresh is no change a client must re-read for, so their next edit does
	 * not fail with CONFLICT because of it. Setting it explicitly keeps Spring Data from
	 * incrementing it.
	 */
	private boolean write(AidRequestDocument request, Community community) {
		Query unchanged = query(where("_id").is(request.getId())
			.and("version")
			.is(request.getVersion())
			.and("priorityComputedAt")
			.is(request.getPriorityComputedAt()));
		this.content.prioritize(request, community);
		Update priority = new Update().set("priority", request.getPriority())
			.set("priorityRank", request.getPriorityRank())
			.set("priorityScore", request.getPriorityScore())
			.set("priorityFactors", request.getPriorityFactors())
			.set("priorityComputedAt", request.getPriorityComputedAt())
			.set("version", request.getVersion());
		return this.mongo.updateFirst(unchanged, priority, AidRequestDocument.class).getMatchedCount() == 1;
	}

}
