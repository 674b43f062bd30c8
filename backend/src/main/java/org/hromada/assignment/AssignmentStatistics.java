package org.hromada.assignment;

import java.util.List;

import org.bson.Document;
import org.hromada.aid.FigureScope;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Figures about volunteer work for dashboards: one MongoDB aggregation ($facet of the
 * distinct volunteers and the completed work), whatever the number of assignments. The
 * community and window conditions use the community_window index.
 */
@Service
public class AssignmentStatistics {

	private static final List<String> WORKED = List.of(AssignmentStatus.ACCEPTED.name(),
			AssignmentStatus.IN_PROGRESS.name(), AssignmentStatus.COMPLETED.name());

	private final MongoTemplate mongo;

	AssignmentStatistics(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public VolunteerWork compute(FigureScope scope) {
		Document facets = new Document()
			.append("volunteers",
					List.of(new Document("$group", new Document("_id", "$volunteerId")), new Document("$count", "n")))
			.append("completed",
					List.of(new Document("$match", new Document("status", AssignmentStatus.COMPLETED.name())),
							new Document("$group", new Document("_id", null).append("n", new Document("$sum", 1))
								.append("hours", new Document("$sum", "$hoursWorked")))));
		Document result = this.mongo.getCollection(AssignmentDocument.COLLECTION)
			.aggregate(List.of(new Document("$match", worked(scope)), new Document("$facet", facets)))
			.first();
		Document figures = (result != null) ? result : new Document();
		List<Document> volunteers = figures.getList("volunteers", Document.class, List.of());
		List<Document> completed = figures.getList("completed", Document.class, List.of());
		return new VolunteerWork(volunteers.isEmpty() ? 0 : ((Number) volunteers.get(0).get("n")).longValue(),
				completed.isEmpty() ? 0 : ((Number) completed.get(0).get("n")).longValue(),
				completed.isEmpty() ? 0 : ((Number) completed.get(0).get("hours")).doubleValue());
	}

	/**
	 * Worked (accepted, in progress or completed) assignments whose window meets the
	 * period.
	 */
	private static Document worked(FigureScope scope) {
		return scope.match("windowStart", "windowEnd").append("status", new Document("$in", WORKED));
	}

}
