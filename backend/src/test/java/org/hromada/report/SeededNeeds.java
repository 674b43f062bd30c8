package org.hromada.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Needs written straight into the store with a known history (logged days ago, assigned
 * and fulfilled hours later), so report figures can be checked against a computation in
 * plain Java over the same list.
 */
final class SeededNeeds {

	static final String COLLECTION = "aidRequests";

	static final String[] SECTORS = { "WASH", "HEALTH", "SHELTER_NFI", "FOOD_SECURITY" };

	static final String[] PRIORITIES = { "CRITICAL", "HIGH", "MEDIUM", "LOW" };

	static final String[] STATUSES = { "NEW", "TRIAGED", "ASSIGNED", "IN_PROGRESS", "FULFILLED", "CLOSED",
			"CANCELLED" };

	/** A seeded need and what the figures should count of it. */
	record Need(String id, String community, String sector, String priority, String status, Instant loggedAt,
			Instant assignedAt, Instant fulfilledAt, int total, Integer girls, Integer women, String phone) {

		Document toDocument() {
			Document people = new Document("total", this.total);
			if (this.girls != null) {
				people.append("girls", this.girls);
			}
			if (this.women != null) {
				people.append("women", this.women);
			}
			List<Document> history = new ArrayList<>();
			history.add(change(null, "NEW", this.loggedAt));
			if (this.assignedAt != null) {
				history.add(change("TRIAGED", "ASSIGNED", this.assignedAt));
			}
			if (this.fulfilledAt != null) {
				history.add(change("IN_PROGRESS", "FULFILLED", this.fulfilledAt));
			}
			Document need = new Document("_id", new ObjectId(this.id)).append("communityPcode", this.community)
				.append("sector", this.sector)
				.append("title", "Seeded need")
				.append("people", people)
				.append("urgency", "SOON")
				.append("priority", this.priority)
				.append("status", this.status)
				.append("statusHistory", history)
				.append("reportedBy", "seed")
				.append("clientRequestId", this.id)
				.append("createdAt", Date.from(this.loggedAt))
				.append("version", 0L);
			if (this.phone != null) {
				need.append("contact", new Document("name", "Seeded Person").append("phone", this.phone));
			}
			return need;
		}

		private static Document change(String from, String to, Instant at) {
			return new Document("from", from).append("to", to).append("by", "seed").append("at", Date.from(at));
		}

	}

	private SeededNeeds() {
	}

	/** Writes the needs into the store. */
	static void insert(MongoTemplate mongo, List<Need> needs) {
		mongo.getCollection(COLLECTION).insertMany(needs.stream().map(Need::toDocument).toList());
	}

	/** Random needs of the community; the same seed gives the same needs. */
	static List<Need> random(String community, int count, long seed, Instant now) {
		return random(community, count, seed, now, SECTORS, 40);
	}

	/**
	 * Random needs of the community in the given sectors, each affecting 1 to
	 * {@code maxPeople} people, logged at distinct times (one minute apart at least).
	 */
	static List<Need> random(String community, int count, long seed, Instant now, String[] sectors, int maxPeople) {
		Random random = new Random(seed);
		List<Need> needs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String status = STATUSES[random.nextInt(STATUSES.length)];
			Instant loggedAt = now.minus(Duration.ofMinutes(60 * 24 * 10 + random.nextInt(60 * 24 * 20))).plusMillis(i);
			boolean assigned = List.of("ASSIGNED", "IN_PROGRESS", "FULFILLED", "CLOSED").contains(status)
					|| (status.equals("CANCELLED") && random.nextBoolean());
			Instant assignedAt = assigned ? loggedAt.plus(Duration.ofMinutes(1 + random.nextInt(5000))) : null;
			boolean fulfilled = List.of("FULFILLED", "CLOSED").contains(status);
			Instant fulfilledAt = fulfilled ? assignedAt.plus(Duration.ofMinutes(1 + random.nextInt(9000))) : null;
			int total = 1 + random.nextInt(maxPeople);
			Integer girls = random.nextBoolean() ? random.nextInt(total + 1) : null;
			Integer women = (girls != null && random.nextBoolean()) ? random.nextInt(total - girls + 1) : null;
			needs.add(new Need(new ObjectId().toHexString(), community, sectors[random.nextInt(sectors.length)],
					PRIORITIES[random.nextInt(PRIORITIES.length)], status, loggedAt, assignedAt, fulfilledAt, total,
					girls, women, "+380 50 " + (1000000 + i)));
		}
		return needs;
	}

}
