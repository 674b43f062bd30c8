package org.hromada.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.hromada.security.Access;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The live feed of the activity log, the source of every subscription. One poller per
 * application instance (not one per subscriber) reads new entries in (at, id) order, on
 * the "at" index, every poll interval while at least one subscription is open, and
 * publishes them to all subscriptions of this instance; each subscription keeps what its
 * caller may see. It needs no change stream, so it runs on any MongoDB and on the
 * embedded store. Replicas poll independently, each for its own sockets: the log is the
 * source of truth.
 * <p>
 * Guarantee: at least once for entries appended while subscribed. Each poll reads again
 * from a little before the newest entry it has seen (the overlap), because entries of
 * other replicas can carry slightly earlier times, and drops the ids it has delivered; an
 * entry stamped earlier than that, or appended while nobody was subscribed, is not
 * delivered. Clients reconcile with activities(filter: { since }).
 */
@Component
@EnableConfigurationProperties(ActivityFeedSettings.class)
public class ActivityFeed implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ActivityFeed.class);

	static final Sort IN_ORDER = Sort.by(Sort.Order.asc("at"), Sort.Order.asc("_id"));

	private final MongoTemplate mongo;

	private final ActivityMapper mapper;

	private final Clock clock;

	private final ActivityFeedSettings settings;

	/**
	 * Entries go to the subscriptions that asked for them; each subscription buffers
	 * (bounded) by itself, so that a slow one never holds back the others.
	 */
	private final Sinks.Many<Activity> sink = Sinks.many().multicast().directBestEffort();

	/** One thread: polls never overlap. */
	private final Scheduler scheduler = Schedulers.newSingle("activity-feed", true);

	private final Object lock = new Object();

	private int subscribers;

	private Disposable polling;

	ActivityFeed(MongoTemplate mongo, ActivityMapper mapper, Clock clock, ActivityFeedSettings settings) {
		this.mongo = mongo;
		this.mapper = mapper;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Entries appended from now on, in (at, id) order, at least once. A subscriber that
	 * falls more than buffer-size entries behind is cut off the feed at once (nothing
	 * more is buffered for it) and, after the entries already buffered, ends with a
	 * {@link FeedOverflowException}.
	 */
	public Flux<Activity> entries() {
		return this.sink.asFlux()
			.doOnSubscribe(subscription -> subscribed())
			.doFinally(signal -> unsubscribed())
			.onBackpressureBuffer(this.settings.bufferSize(), dropped -> {
			}, BufferOverflowStrategy.ERROR)
			.onErrorMap(Exceptions::isOverflow, ex -> new FeedOverflowException());
	}

	/**
	 * Entries the access reaches, by the same rules as the activities query (see
	 * {@link ActivityService#visibleTo}).
	 */
	public Flux<Activity> entries(Access access) {
		Predicate<Activity> visible = ActivityService.visibleTo(access);
		return entries().filter(visible);
	}

	/** Whether the poller is running (anyone subscribed on this instance). */
	public boolean polling() {
		synchronized (this.lock) {
			return this.polling != null;
		}
	}

	private void subscribed() {
		synchronized (this.lock) {
			if (this.subscribers++ == 0) {
				// Only what is appended from now on: a client catches up on the
				// past with the activities query.
				Position position = new Position(this.clock.instant(), this.settings.recentIds());
				long interval = this.settings.pollInterval().toMillis();
				this.polling = this.scheduler.schedulePeriodically(() -> poll(position), interval, interval,
						TimeUnit.MILLISECONDS);
			}
		}
	}

	private void unsubscribed() {
		synchronized (this.lock) {
			if (--this.subscribers == 0 && this.polling != null) {
				this.polling.dispose();
				this.polling = null;
			}
		}
	}

	private void poll(Position position) {
		try {
			Instant from = position.lowerBound(this.settings.overlap());
			ActivityDocument last = null;
			for (int batch = 0; batch < this.settings.maxBatchesPerPoll(); batch++) {
				List<ActivityDocument> documents = this.mongo.find(page(from, last), ActivityDocument.class);
				for (ActivityDocument document : documents) {
					if (position.firstSight(document)) {
						this.sink.tryEmitNext(this.mapper.toApi(document));
					}
				}
				if (documents.size() < this.settings.batchSize()) {
					break;
				}
				last = documents.get(documents.size() - 1);
			}
			position.recovered();
		}
		catch (RuntimeException ex) {
			// The store is unreachable or the query failed: the next poll reads again
			// from where this one stood, so nothing is skipped. Said once per outage.
			if (position.failed()) {
				log.warn("Activity feed could not read the log; retrying every {}: {}", this.settings.pollInterval(),
						ex.getClass().getSimpleName());
			}
			log.debug("Activity feed poll failed", ex);
		}
	}

	/** Entries from the bound on, after the last one of the previous page (keyset). */
	private Query page(Instant from, ActivityDocument last) {
		Criteria criteria = Criteria.where("at").gte(from);
		if (last != null) {
			criteria = new Criteria().andOperator(criteria,
					new Criteria().orOperator(Criteria.where("at").gt(last.at()), new Criteria().andOperator(
							Criteria.where("at").is(last.at()), Criteria.where("_id").gt(new ObjectId(last.id())))));
		}
		return new Query(criteria).with(IN_ORDER).limit(this.settings.batchSize());
	}

	@Override
	public void destroy() {
		this.scheduler.dispose();
		this.sink.tryEmitComplete();
	}

	/**
	 * Where the poller stands: the newest time read, and the ids delivered recently
	 * (bounded, oldest forgotten first). Used by the poller thread only.
	 */
	private static final class Position {

		private final Instant start;

		private final int capacity;

		private final LinkedHashSet<String> delivered = new LinkedHashSet<>();

		private Instant newest;

		private boolean failing;

		Position(Instant start, int capacity) {
			this.start = start;
			this.capacity = capacity;
		}

		Instant lowerBound(Duration overlap) {
			if (this.newest == null) {
				return this.start;
			}
			Instant bound = this.newest.minus(overlap);
			return bound.isBefore(this.start) ? this.start : bound;
		}

		boolean firstSight(ActivityDocument document) {
			if (this.newest == null || document.at().isAfter(this.newest)) {
				this.newest = document.at();
			}
			if (!this.delivered.add(document.id())) {
				return false;
			}
			if (this.delivered.size() > this.capacity) {
				Iterator<String> oldest = this.delivered.iterator();
				oldest.next();
				oldest.remove();
			}
			return true;
		}

		boolean failed() {
			boolean first = !this.failing;
			this.failing = true;
			return first;
		}

		void recovered() {
			if (this.failing) {
				log.info("Activity feed reads the log again");
			}
			this.failing = false;
		}

	}

}
