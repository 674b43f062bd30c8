package org.hromada.aid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.hromada.aid.AidRequestInputs.AidRequestFilter;
import org.hromada.graphql.ArgumentValues;
import org.hromada.graphql.BadRequestException;
import org.hromada.graphql.Pages;
import org.hromada.graphql.GeoPoint;
import org.hromada.security.Access;
import org.hromada.security.AccessScope;
import org.hromada.security.Role;
import org.hromada.store.GeoCells;
import org.hromada.store.StoredLocation;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Lists and searches aid requests. Every condition, the caller's community scope
 * included, is part of the MongoDB query: nothing the caller may not see is fetched. Text
 * search matches stored tokens by prefix and proximity queries H3 cells, both plain
 * indexed operators that any MongoDB-compatible store runs.
 */
@Component
class AidRequestSearch {

	/**
	 * Most candidates a proximity search examines; the cells of a 100 km circle hold far
	 * fewer open needs.
	 */
	static final int MAX_NEARBY_CANDIDATES = 10_000;

	/**
	 * Most H3 cells one proximity query lists. The embedded store checks $in lists
	 * element by element per document, so a short list (a coarser resolution, more
	 * candidates filtered in Java) is faster there, and on MongoDB 300 index look-ups are
	 * cheap.
	 */
	static final int MAX_COVER_CELLS = 300;

	private static final int MAX_QUERY_WORDS = 10;

	private final MongoTemplate mongo;

	private final AidRequestMapper mapper;

	AidRequestSearch(MongoTemplate mongo, AidRequestMapper mapper) {
		this.mongo = mongo;
		this.mapper = mapper;
	}

	/** An aid request near a point. */
	record Nearby(double distanceKm, AidRequest aidRequest) {

	}

	Window<AidRequest> list(AidRequestFilter filter, AidRequestOrder order, ScrollPosition position, Limit limit,
			Access access) {
		Query query = new Query(where(filter, access)).with(sort(order))
			.with(Pages.requireKeysOf(position, sort(order)))
			.limit(limit);
		return this.mongo.scroll(query, AidRequestDocument.class).map(this.mapper::toApi);
	}

	List<Nearby> near(GeoPoint point, double radiusKm, AidRequestFilter filter, int first, Access access) {
		if (point.latitude() == null || point.longitude() == null || Math.abs(point.latitude()) > 90
				|| Math.abs(point.longitude()) > 180) {
			throw new BadRequestException("point must have a latitude from -90 to 90 and a longitude from -180 to 180");
		}
		if (!(radiusKm > 0) || radiusKm > GeoCells.MAX_RADIUS_KM) {
			throw new BadRequestException("radiusKm must be more than 0 and at most " + (int) GeoCells.MAX_RADIUS_KM);
		}
		boolean exact = seesExactLocations(access);
		Criteria inCells = exact ? exactCells(point, radiusKm) : Criteria.where("location." + StoredLocation.R5)
			.in(GeoCells.coarseCellsCentredWithin(point.latitude(), point.longitude(), radiusKm));
		// Rank on ids and locations only; then load in full just the requests returned.
		Query query = new Query(new Criteria().andOperator(inCells, where(filter, access)))
			.limit(MAX_NEARBY_CANDIDATES);
		query.fields().include("_id", "location");
		List<AidRequestDocument> candidates = this.mongo.find(query, AidRequestDocument.class);
		if (candidates.size() >= MAX_NEARBY_CANDIDATES) {
			throw new BadRequestException("More than " + MAX_NEARBY_CANDIDATES
					+ " requests lie in this circle; narrow it with a smaller radius or a filter");
		}
		Map<String, Double> distances = new HashMap<>();
		for (AidRequestDocument candidate : candidates) {
			double[] from = exact
					? new double[] { candidate.getLocation().point().getY(), candidate.getLocation().point().getX() }
					: GeoCells.center(candidate.getLocation().r5());
			double distance = GeoCells.distanceKm(point.latitude(), point.longitude(), from[0], from[1]);
			if (distance <= radiusKm) {
				distances.put(candidate.getId(), Math.round(distance * 1000) / 1000.0);
			}
		}
		List<String> nearest = distances.keySet()
			.stream()
			.sorted(Comparator.comparing((String id) -> distances.get(id)).thenComparing(Comparator.naturalOrder()))
			.limit(first)
			.toList();
		Map<String, AidRequestDocument> loaded = new HashMap<>();
		this.mongo.find(new Query(Criteria.where("_id").in(nearest)), AidRequestDocument.class)
			.forEach(document -> loaded.put(document.getId(), document));
		return nearest.stream()
			.filter(loaded::containsKey)
			.map(id -> new Nearby(distances.get(id), this.mapper.toApi(loaded.get(id))))
			.toList();
	}

	/**
	 * Whether the caller sees the exact locations of every request this search can
	 * return: admins, and coordinators and volunteers, whose searches only return their
	 * own communities' requests. Others (partners) are searched and measured by coarse
	 * cell centres only: with exact locations, repeated searches with small radii around
	 * chosen points would reveal where a household lies.
	 */
	private static boolean seesExactLocations(Access access) {
		return access.caller().has(Role.ADMIN) || access.scope() == AccessScope.OWN_COMMUNITIES;
	}

	private static Criteria exactCells(GeoPoint point, double radiusKm) {
		GeoCells.Cover cover = GeoCells.cover(point.latitude(), point.longitude(), radiusKm, MAX_COVER_CELLS);
		return Criteria.where("location." + cover.field()).in(cover.cells());
	}

	private static Criteria where(AidRequestFilter filter, Access access) {
		List<Criteria> conditions = new ArrayList<>();
		Criteria scope = access.communityCriteria("communityPcode");
		if (scope != null) {
			conditions.add(scope);
		}
		if (filter.communities() != null) {
			conditions
				.add(Criteria.where("communityPcode").in(ArgumentValues.bounded("communities", filter.communities())));
		}
		if (filter.sectors() != null) {
			conditions.add(Criteria.where("sector").in(ArgumentValues.bounded("sectors", filter.sectors())));
		}
		if (filter.statuses() != null) {
			conditions.add(Criteria.where("status").in(ArgumentValues.bounded("statuses", filter.statuses())));
		}
		if (filter.urgencies() != null) {
			conditions.add(Criteria.where("urgency").in(ArgumentValues.bounded("urgencies", filter.urgencies())));
		}
		if (filter.minPriority() != null) {
			conditions.add(Criteria.where("priorityRank").gte(filter.minPriority().rank()));
		}
		if (filter.reportedBy() != null) {
			conditions.add(Criteria.where("reportedBy").is(filter.reportedBy()));
		}
		if (filter.neededBefore() != null) {
			conditions.add(Criteria.where("neededBy").lt(filter.neededBefore().toInstant()));
		}
		if (filter.createdAfter() != null) {
			conditions.add(Criteria.where("createdAt").gte(filter.createdAfter().toInstant()));
		}
		if (filter.claimStates() != null) {
			conditions
				.add(Criteria.where("claimState").in(ArgumentValues.bounded("claimStates", filter.claimStates())));
		}
		if (filter.claimOrganizationKey() != null) {
			conditions.add(Criteria.where("claimOrganization").is(filter.claimOrganizationKey()));
		}
		if (filter.text() != null) {
			// Descriptions are RESTRICTED: callers who may not read them search titles
			// only, or a search
			// would tell them which words a description holds.
			conditions
				.addAll(textConditions(filter.text(), seesExactLocations(access) ? "searchTokens" : "titleTokens"));
		}
		return conditions.isEmpty() ? new Criteria() : new Criteria().andOperator(conditions);
	}

	/** Each word of the query must begin one of the request's tokens. */
	private static List<Criteria> textConditions(String text, String field) {
		if (text.isBlank() || text.length() > 200) {
			throw new BadRequestException("filter.text must have 1 to 200 characters");
		}
		List<String> tokens = TextTokens.of(text);
		if (tokens.isEmpty()) {
			throw new BadRequestException("filter.text must contain a letter or a digit");
		}
		if (tokens.size() > MAX_QUERY_WORDS) {
			throw new BadRequestException("filter.text may hold at most " + MAX_QUERY_WORDS + " words");
		}
		return tokens.stream().map(token -> Criteria.where(field).regex("^" + Pattern.quote(token))).toList();
	}

	/**
	 * Ties go by id ascending: Spring Data's keyset scrolling appends the id ascending to
	 * every sort, whatever direction it is given, and the indexes match what is sent.
	 */
	private static Sort sort(AidRequestOrder order) {
		return switch (order) {
			case PRIORITY ->
				Sort.by(Sort.Order.desc("priorityRank"), Sort.Order.desc("createdAt"), Sort.Order.asc("id"));
			case CREATED -> Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"));
			case NEEDED_BY -> Sort.by(Sort.Order.asc("neededBySort"), Sort.Order.asc("id"));
		};
	}

}
