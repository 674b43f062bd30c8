package org.hromada.claim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hromada.claim.ClaimInputs.ClaimFilter;
import org.hromada.graphql.ArgumentValues;
import org.hromada.graphql.Pages;
import org.hromada.security.Access;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Lists of claims, newest first, with the caller's reach inside the query: coordinators
 * their communities' claims, partners their organisation's.
 */
@Component
class ClaimSearch {

	/**
	 * Ties go by id ascending: Spring Data's keyset scrolling appends the id ascending to
	 * every sort, whatever direction it is given, and the indexes match what is sent.
	 */
	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("claimedAt"), Sort.Order.asc("id"));

	private final MongoTemplate mongo;

	private final ClaimService claims;

	ClaimSearch(MongoTemplate mongo, ClaimService claims) {
		this.mongo = mongo;
		this.claims = claims;
	}

	Window<Claim> list(ClaimFilter filter, ScrollPosition position, Limit limit, Access access) {
		List<Criteria> conditions = new ArrayList<>();
		Stream.of(access.communityCriteria("communityPcode"), access.organizationCriteria("organizationKey"))
			.filter(Objects::nonNull)
			.forEach(conditions::add);
		if (filter.aidRequestId() != null) {
			conditions.add(Criteria.where("aidRequestId").is(filter.aidRequestId()));
		}
		if (filter.communities() != null) {
			conditions
				.add(Criteria.where("communityPcode").in(ArgumentValues.bounded("communities", filter.communities())));
		}
		if (filter.organizationKey() != null) {
			conditions.add(Criteria.where("organizationKey").is(filter.organizationKey()));
		}
		if (filter.statuses() != null) {
			conditions.add(Criteria.where("status").in(ArgumentValues.bounded("statuses", filter.statuses())));
		}
		Query query = conditions.isEmpty() ? new Query() : new Query(new Criteria().andOperator(conditions));
		query.with(NEWEST_FIRST).with(Pages.requireKeysOf(position, NEWEST_FIRST)).limit(limit);
		return this.mongo.scroll(query, ClaimDocument.class).map(this.claims::toApi);
	}

	/** Claims by id, in one query, whoever asks: callers apply their own reach. */
	Map<String, Claim> byIds(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.mongo.find(new Query(Criteria.where("_id").in(ids)), ClaimDocument.class)
			.stream()
			.map(this.claims::toApi)
			.collect(Collectors.toMap(Claim::id, Function.identity()));
	}

}
