package org.hromada.activity;

import org.hromada.graphql.Pages;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.hromada.security.Access;
import org.hromada.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The activity log: every feature records each state change here, right after writing it,
 * in the same request. Entries are only ever appended.
 */
@Service
public class ActivityService {

	/** The fields the access scope of the log applies to, in list queries and live. */
	private static final String COMMUNITY = "communityPcode";

	private static final String ACTOR = "actorId";

	/**
	 * The order of the list; {@link ActivityStore} declares the indexes that serve it.
	 * Ties go by id ascending: Spring Data's keyset scrolling appends the id ascending to
	 * every sort, whatever direction it is given, and the indexes match what is sent.
	 */
	static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("at"), Sort.Order.asc("id"));

	private final MongoTemplate mongo;

	private final ActivityMapper mapper;

	private final Clock clock;

	ActivityService(MongoTemplate mongo, ActivityMapper mapper, Clock clock) {
		this.mongo = mongo;
		this.mapper = mapper;
		this.clock = clock;
	}

	/**
	 * Appends an entry.
	 * @param actor who made the change
	 * @param action entity.verb, for example community.created
	 * @param entityType kind of record, for example Community
	 * @param entityId id of the record
	 * @param communityPcode community the record belongs to, or null
	 * @param summary description without personal data
	 */
	public void record(Caller actor, String action, String entityType, String entityId, String communityPcode,
			String summary) {
		this.mongo.insert(ActivityDocument.append(this.clock.instant(), actor.id(), action, entityType, entityId,
				communityPcode, summary, null));
	}

	/**
	 * Appends an entry under a key that names the change, once: appending it again does
	 * nothing. A client that retries a change whose activity append failed (after the
	 * change itself was stored) thereby completes the log instead of leaving the change
	 * unrecorded.
	 * @param key identity of the change, for example the aid request id and "logged"
	 */
	public void recordOnce(String key, Caller actor, String action, String entityType, String entityId,
			String communityPcode, String summary) {
		try {
			this.mongo.insert(ActivityDocument.append(this.clock.instant(), actor.id(), action, entityType, entityId,
					communityPcode, summary, key));
		}
		catch (DuplicateKeyException ex) {
			// Recorded before: the retry found the log complete.
		}
	}

	/** Appends several entries of one actor in one write. */
	public void recordAll(Caller actor, List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		this.mongo.insertAll(entries.stream()
			.map(entry -> ActivityDocument.append(this.clock.instant(), actor.id(), entry.action(), entry.entityType(),
					entry.entityId(), entry.communityPcode(), entry.summary(), null))
			.toList());
	}

	/** An entry to append; see {@link #record}. */
	public record Entry(String action, String entityType, String entityId, String communityPcode, String summary) {

	}

	Window<Activity> list(ActivityFilter filter, ScrollPosition position, Limit limit, Access access) {
		List<Criteria> conditions = new ArrayList<>();
		Stream.of(access.communityCriteria(COMMUNITY), access.ownRecordsCriteria(ACTOR))
			.filter(Objects::nonNull)
			.forEach(conditions::add);
		if (filter.entityType() != null) {
			conditions.add(Criteria.where("entityType").is(filter.entityType()));
		}
		if (filter.entityId() != null) {
			conditions.add(Criteria.where("entityId").is(filter.entityId()));
		}
		if (filter.actorId() != null) {
			conditions.add(Criteria.where("actorId").is(filter.actorId()));
		}
		if (filter.communityPcode() != null) {
			conditions.add(Criteria.where("communityPcode").is(filter.communityPcode()));
		}
		if (filter.since() != null) {
			conditions.add(Criteria.where("at").gte(filter.since().toInstant()));
		}
		Query query = conditions.isEmpty() ? new Query() : new Query(new Criteria().andOperator(conditions));
		query.with(NEWEST_FIRST).with(Pages.requireKeysOf(position, NEWEST_FIRST)).limit(limit);
		return this.mongo.scroll(query, ActivityDocument.class).map(this.mapper::toApi);
	}

	/**
	 * The entries the access reaches, for live entries that are not queried: the scope of
	 * {@link #list}, applied to one entry (community-scoped callers the entries of their
	 * communities, own-record callers their own actions).
	 */
	static Predicate<Activity> visibleTo(Access access) {
		return switch (access.scope()) {
			case ANY -> activity -> true;
			case OWN_COMMUNITIES ->
				activity -> activity.communityPcode() != null && access.caller().serves(activity.communityPcode());
			case OWN_RECORDS -> activity -> access.caller().id().equals(activity.actorId());
			// No rule of the log is organisation-scoped; such a caller sees nothing.
			case OWN_ORGANIZATION -> activity -> false;
		};
	}

}
