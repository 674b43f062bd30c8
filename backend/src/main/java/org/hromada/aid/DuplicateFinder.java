package org.hromada.aid;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.hromada.store.GeoCells;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Finds open requests that may describe the same need as a new one: same community and
 * sector, logged within the window, and either within the radius or from the same contact
 * phone (compared by fingerprint). It only flags; a coordinator confirms with
 * markDuplicate.
 */
@Component
class DuplicateFinder {

	private static final int MAX_CANDIDATES = 500;

	private final MongoTemplate mongo;

	private final AidSettings settings;

	private final Clock clock;

	DuplicateFinder(MongoTemplate mongo, AidSettings settings, Clock clock) {
		this.mongo = mongo;
		this.settings = settings;
		this.clock = clock;
	}

	List<String> possibleDuplicatesOf(AidRequestDocument request) {
		Query query = new Query(Criteria.where("communityPcode")
			.is(request.getCommunityPcode())
			.and("sector")
			.is(request.getSector())
			.and("status")
			.in(AidRequestStatus.OPEN)
			.and("createdAt")
			.gte(this.clock.instant().minus(this.settings.duplicateWindow())))
			.with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.limit(MAX_CANDIDATES);
		query.fields().include("_id", "location", "contactFingerprint");
		return this.mongo.find(query, AidRequestDocument.class)
			.stream()
			.filter(candidate -> !Objects.equals(candidate.getId(), request.getId()))
			.filter(candidate -> samePhone(candidate, request) || near(candidate, request))
			.map(AidRequestDocument::getId)
			.toList();
	}

	private static boolean samePhone(AidRequestDocument a, AidRequestDocument b) {
		return a.getContactFingerprint() != null && a.getContactFingerprint().equals(b.getContactFingerprint());
	}

	private boolean near(AidRequestDocument a, AidRequestDocument b) {
		if (a.getLocation() == null || b.getLocation() == null) {
			return false;
		}
		return GeoCells.distanceKm(a.getLocation().point().getY(), a.getLocation().point().getX(),
				b.getLocation().point().getY(), b.getLocation().point().getX()) <= this.settings.duplicateRadiusKm();
	}

}
