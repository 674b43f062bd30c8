package org.hromada.aid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.bson.Document;
import org.hromada.aid.NeedStatistics.DurationStatistics;
import org.hromada.aid.NeedStatistics.OpenNeedCount;
import org.hromada.aid.NeedStatistics.PeopleSums;
import org.hromada.aid.NeedStatistics.StatusCount;
import org.hromada.security.SmallCountPolicy;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Figures about needs for dashboards, computed by MongoDB aggregation pipelines: the
 * documents stay in the store and only the figures travel. Two commands per call, however
 * many needs the scope holds: one $facet for the counts and sums, one for the percentiles
 * (which need the sample counts of the first).
 *
 * <p>
 * The pipelines use only stages and operators that both MongoDB and the embedded store
 * run ($match, $facet, $group, $unwind, $sort, $skip, $limit, $project with arithmetic),
 * so no $percentile (MongoDB 7 only) and no $lookup.
 */
@Service
public class AidRequestStatistics {

	private static final String[] GROUPS = { "girls", "boys", "women", "men", "olderWomen", "olderMen",
			"withDisability" };

	private static final List<String> REACHED = List.of(AidRequestStatus.FULFILLED.name(),
			AidRequestStatus.CLOSED.name());

	private static final Set<AidRequestStatus> RESPONDED = EnumSet.of(AidRequestStatus.ASSIGNED,
			AidRequestStatus.IN_PROGRESS, AidRequestStatus.FULFILLED, AidRequestStatus.CLOSED);

	private static final List<String> CONFIRMED_CLAIMS = List.of(ClaimState.CONFIRMED.name(),
			ClaimState.COMPLETED.name());

	/**
	 * Needs an organisation's confirmed claim is working on or met: open, fulfilled or
	 * closed.
	 */
	private static final List<String> CLAIMED_WORK = List.of(AidRequestStatus.NEW.name(),
			AidRequestStatus.TRIAGED.name(), AidRequestStatus.ASSIGNED.name(), AidRequestStatus.IN_PROGRESS.name(),
			AidRequestStatus.FULFILLED.name(), AidRequestStatus.CLOSED.name());

	private static final int EXPORT_BATCH = 500;

	private static final List<String> PROTECTION_SECTORS = Arrays.stream(Sector.values())
		.filter(Sector::protectsPeopleAtRisk)
		.map(Enum::name)
		.toList();

	private final MongoTemplate mongo;

	AidRequestStatistics(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public NeedStatistics compute(FigureScope scope) {
		Document match = new Document("$match", scope.match("createdAt", "createdAt"));
		Document facets = new Document().append("logged", List.of(new Document("$count", "n")))
			.append("open",
					List.of(new Document("$match", new Document("status", new Document("$in", openStatuses()))),
							new Document("$group",
									new Document("_id",
											new Document("sector", "$sector").append("priority", "$priority")
												.append("status", "$status"))
										.append("n", new Document("$sum", 1)))))
			.append("byStatus",
					List.of(new Document("$group",
							new Document("_id", "$status").append("n", new Document("$sum", 1)))))
			.append("affected", List.of(new Document("$group", peopleSums())))
			.append("reached",
					List.of(new Document("$match", new Document("status", new Document("$in", REACHED))),
							new Document("$group", peopleSums())))
			.append("affectedShown", List.of(new Document("$group", shownPeopleSums())))
			.append("reachedShown",
					List.of(new Document("$match", new Document("status", new Document("$in", REACHED))),
							new Document("$group", shownPeopleSums())))
			.append("claimHolders",
					List.of(new Document("$match", new Document("claimState", new Document("$in", CONFIRMED_CLAIMS))),
							new Document("$group",
									new Document("_id", "$claimOrganization").append("n", new Document("$sum", 1)))))
			.append("toAssigned", durationCount(AidRequestStatus.ASSIGNED))
			.append("toFulfilled", durationCount(AidRequestStatus.FULFILLED));
		Document counts = first(List.of(match, new Document("$facet", facets)));
		long toAssigned = countOf(counts, "toAssigned");
		long toFulfilled = countOf(counts, "toFulfilled");
		Document percentiles = (toAssigned + toFulfilled > 0)
				? first(List.of(match, new Document("$facet",
						new Document().append("assignedMedian", percentile(AidRequestStatus.ASSIGNED, toAssigned, 0.5))
							.append("assignedP90", percentile(AidRequestStatus.ASSIGNED, toAssigned, 0.9))
							.append("fulfilledMedian", percentile(AidRequestStatus.FULFILLED, toFulfilled, 0.5))
							.append("fulfilledP90", percentile(AidRequestStatus.FULFILLED, toFulfilled, 0.9)))))
				: new Document();
		return new NeedStatistics(countOf(counts, "logged"), openNeeds(counts), byStatus(counts),
				people(counts, "affected"), people(counts, "reached"), people(counts, "affectedShown"),
				people(counts, "reachedShown"),
				new DurationStatistics(toAssigned, millis(percentiles, "assignedMedian"),
						millis(percentiles, "assignedP90")),
				new DurationStatistics(toFulfilled, millis(percentiles, "fulfilledMedian"),
						millis(percentiles, "fulfilledP90")),
				claimHolders(counts));
	}

	/**
	 * The needs of the scope that someone responds to (assigned, in progress, fulfilled
	 * or closed; or under a confirmed claim and not cancelled), one at a time from a
	 * cursor, so that an export of any size never sits in memory. Close the stream.
	 */
	public Stream<NeedResponse> responses(FigureScope scope) {
		Document filter = scope.match("createdAt", "createdAt")
			.append("$or",
					List.of(new Document("status", new Document("$in", RESPONDED.stream().map(Enum::name).toList())),
							new Document("claimState", new Document("$in", CONFIRMED_CLAIMS)).append("status",
									new Document("$in", CLAIMED_WORK))));
		Query query = new BasicQuery(filter,
				new Document("communityPcode", 1).append("sector", 1)
					.append("claimState", 1)
					.append("claimOrganization", 1)
					.append("status", 1)
					.append("people.total", 1)
					.append("statusHistory", 1))
			// A small batch keeps the memory of an export flat (the default last batch is
			// up
			// to 16 MB of documents). No sort: the rows' order does not matter to a 3W
			// table,
			// and an unsorted query streams from the first document on any store.
			.cursorBatchSize(EXPORT_BATCH);
		return this.mongo.stream(query, AidRequestDocument.class)
			.map(need -> new NeedResponse(need.getId(), need.getCommunityPcode(), need.getSector(), need.getStatus(),
					firstMove(need, AidRequestStatus.ASSIGNED), firstMove(need, AidRequestStatus.FULFILLED),
					need.getPeople().total(), need.getClaimState().isConfirmed() ? need.getClaimOrganization() : null));
	}

	private static Instant firstMove(AidRequestDocument need, AidRequestStatus status) {
		return need.getStatusHistory()
			.stream()
			.filter(change -> change.to() == status)
			.map(StatusChange::at)
			.min(Instant::compareTo)
			.orElse(null);
	}

	private static List<String> openStatuses() {
		return AidRequestStatus.OPEN.stream().map(Enum::name).toList();
	}

	private static Document peopleSums() {
		Document group = new Document("_id", null).append("needs", new Document("$sum", 1))
			.append("total", new Document("$sum", "$people.total"));
		for (String name : GROUPS) {
			group.append(name, new Document("$sum", "$people." + name));
			// Counts the needs that recorded the group, to tell "none recorded" from 0.
			group.append(name + "Known", new Document("$sum", new Document("$cond",
					List.of(new Document("$gt", java.util.Arrays.asList("$people." + name, null)), 1, 0))));
		}
		return group;
	}

	/**
	 * The sums of what partners read of each need ({@link SmallCountPolicy}): a count
	 * from 1 to the threshold - 1 counts 0, and so do the groups of needs in protection
	 * sectors (RESTRICTED, see {@link PeopleView}). {@code needs} counts the needs whose
	 * total is not withheld. Every figure is then a sum of figures a partner reads one by
	 * one, so no combination of such sums tells anything about a withheld one.
	 */
	private static Document shownPeopleSums() {
		Document group = new Document("_id", null)
			.append("needs", new Document("$sum", new Document("$cond", List.of(withheld("$people.total"), 0, 1))))
			.append("total", new Document("$sum", shown("$people.total", List.of())));
		List<Document> breakdownShown = PROTECTION_SECTORS.stream()
			.map(sector -> new Document("$ne", List.of("$sector", sector)))
			.toList();
		for (String name : GROUPS) {
			group.append(name, new Document("$sum", shown("$people." + name, breakdownShown)));
			group.append(name + "Known",
					new Document("$sum",
							new Document("$cond", List.of(
									new Document("$and",
											concat(breakdownShown,
													new Document("$gt",
															java.util.Arrays.asList("$people." + name, null)))),
									1, 0))));
		}
		return group;
	}

	/** The field's value where the conditions hold and it is not small, else 0. */
	private static Document shown(String field, List<Document> conditions) {
		Document notSmall = new Document("$gte", List.of(field, SmallCountPolicy.THRESHOLD));
		return new Document("$cond", List.of(new Document("$and", concat(conditions, notSmall)), field, 0));
	}

	/** Whether the field holds a count from 1 to the threshold - 1. */
	private static Document withheld(String field) {
		return new Document("$and", List.of(new Document("$gt", List.of(field, 0)),
				new Document("$lt", List.of(field, SmallCountPolicy.THRESHOLD))));
	}

	private static List<Document> concat(List<Document> conditions, Document last) {
		List<Document> all = new ArrayList<>(conditions);
		all.add(last);
		return all;
	}

	/**
	 * The milliseconds from logging to the first move into the status, one document per
	 * need that made the move.
	 */
	private static List<Document> durations(AidRequestStatus status) {
		return List.of(new Document("$unwind", "$statusHistory"),
				new Document("$match", new Document("statusHistory.to", status.name())),
				new Document("$group",
						new Document("_id", "$_id").append("loggedAt", new Document("$first", "$createdAt"))
							.append("reachedAt", new Document("$min", "$statusHistory.at"))),
				new Document("$project",
						new Document("millis", new Document("$subtract", List.of("$reachedAt", "$loggedAt")))));
	}

	private static List<Document> durationCount(AidRequestStatus status) {
		List<Document> stages = new ArrayList<>(durations(status));
		stages.add(new Document("$count", "n"));
		return stages;
	}

	/**
	 * Nearest-rank percentile: the sample at rank ceil(p * n) in ascending order, which
	 * is always an observed value (no interpolation).
	 */
	private static List<Document> percentile(AidRequestStatus status, long samples, double p) {
		List<Document> stages = new ArrayList<>(durations(status));
		long rank = Math.max(1, (long) Math.ceil(p * samples));
		stages.add(new Document("$sort", new Document("millis", 1).append("_id", 1)));
		stages.add(new Document("$skip", rank - 1));
		stages.add(new Document("$limit", 1));
		return stages;
	}

	private Document first(List<Document> pipeline) {
		Document result = this.mongo.getCollection(AidRequestDocument.COLLECTION).aggregate(pipeline).first();
		return (result != null) ? result : new Document();
	}

	private static long countOf(Document facets, String name) {
		List<Document> rows = facets.getList(name, Document.class, List.of());
		return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("n")).longValue();
	}

	private static Long millis(Document facets, String name) {
		List<Document> rows = facets.getList(name, Document.class, List.of());
		return rows.isEmpty() ? null : ((Number) rows.get(0).get("millis")).longValue();
	}

	private static List<OpenNeedCount> openNeeds(Document facets) {
		return facets.getList("open", Document.class, List.of()).stream().map(row -> {
			Document key = row.get("_id", Document.class);
			return new OpenNeedCount(Sector.valueOf(key.getString("sector")),
					Priority.valueOf(key.getString("priority")), AidRequestStatus.valueOf(key.getString("status")),
					((Number) row.get("n")).longValue());
		}).toList();
	}

	private static List<NeedStatistics.ClaimHolderCount> claimHolders(Document facets) {
		return facets.getList("claimHolders", Document.class, List.of())
			.stream()
			.filter(row -> row.getString("_id") != null)
			.map(row -> new NeedStatistics.ClaimHolderCount(row.getString("_id"), ((Number) row.get("n")).longValue()))
			.toList();
	}

	private static List<StatusCount> byStatus(Document facets) {
		return facets.getList("byStatus", Document.class, List.of())
			.stream()
			.map(row -> new StatusCount(AidRequestStatus.valueOf(row.getString("_id")),
					((Number) row.get("n")).longValue()))
			.toList();
	}

	private static PeopleSums people(Document facets, String name) {
		List<Document> rows = facets.getList(name, Document.class, List.of());
		if (rows.isEmpty()) {
			return new PeopleSums(0, 0, null, null, null, null, null, null, null);
		}
		Document row = rows.get(0);
		Map<String, Long> groups = new java.util.HashMap<>();
		for (String group : GROUPS) {
			long known = ((Number) row.get(group + "Known")).longValue();
			groups.put(group, (known > 0) ? ((Number) row.get(group)).longValue() : null);
		}
		return new PeopleSums(((Number) row.get("needs")).longValue(), ((Number) row.get("total")).longValue(),
				groups.get("girls"), groups.get("boys"), groups.get("women"), groups.get("men"),
				groups.get("olderWomen"), groups.get("olderMen"), groups.get("withDisability"));
	}

}
