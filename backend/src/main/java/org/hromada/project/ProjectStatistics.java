package org.hromada.project;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bson.Document;
import org.hromada.aid.FigureScope;
import org.hromada.project.ProjectFigures.CurrencyTotals;
import org.hromada.project.ProjectFigures.StatusCount;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Figures about projects for dashboards, computed by one MongoDB aggregation ($facet of
 * counts per status and exact sums per currency, {@link ExactSums}), and the project rows
 * of the 3W export, read from a cursor.
 */
@Service
public class ProjectStatistics {

	private static final int EXPORT_BATCH = 500;

	private final MongoTemplate mongo;

	ProjectStatistics(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public ProjectFigures compute(FigureScope scope) {
		Document facets = new Document()
			.append("byStatus",
					List.of(new Document("$group", new Document("_id", "$status").append("n", new Document("$sum", 1))
						.append("progress", new Document("$sum", "$progress"))
						.append("withProgress", new Document("$sum",
								new Document("$cond",
										List.of(new Document("$gt", Arrays.asList("$progress", null)), 1, 0)))))))
			.append("money",
					List.of(new Document("$unwind", "$fundingTotals"), new Document("$group", ExactSums.parts(
							new Document("_id", "$fundingTotals.currency").append("projects", new Document("$sum", 1)),
							Map.of("budget", "$fundingTotals.budgetMinor", "committed", "$fundingTotals.committedMinor",
									"disbursed", "$fundingTotals.disbursedMinor", "gap", "$fundingTotals.gapMinor")))));
		Document result = this.mongo.getCollection(ProjectDocument.COLLECTION)
			.aggregate(List.of(new Document("$match", scope.match("createdAt", "createdAt")),
					new Document("$facet", facets)))
			.first();
		Document figures = (result != null) ? result : new Document();
		List<StatusCount> byStatus = figures.getList("byStatus", Document.class, List.of()).stream().map(row -> {
			long withProgress = number(row, "withProgress");
			return new StatusCount(ProjectStatus.valueOf(row.getString("_id")), number(row, "n"),
					(withProgress > 0) ? (int) (number(row, "progress") / withProgress) : null);
		}).toList();
		List<CurrencyTotals> money = figures.getList("money", Document.class, List.of())
			.stream()
			.map(row -> new CurrencyTotals(row.getString("_id"), number(row, "projects"),
					ExactSums.total(row, "budget"), ExactSums.total(row, "committed"),
					ExactSums.total(row, "disbursed"), ExactSums.total(row, "gap")))
			.toList();
		return new ProjectFigures(byStatus, money);
	}

	/**
	 * The projects of the scope one at a time from a cursor, for the 3W export. Close the
	 * stream.
	 */
	public Stream<ProjectActivity> activities(FigureScope scope) {
		Query query = new BasicQuery(scope.match("createdAt", "createdAt"),
				new Document("communityPcode", 1).append("sector", 1)
					.append("status", 1)
					.append("statusHistory", 1)
					.append("organizations", 1)
					.append("budget", 1)
					.append("peopleToBenefit.total", 1)
					.append("peopleReached", 1))
			.cursorBatchSize(EXPORT_BATCH);
		return this.mongo.stream(query, ProjectDocument.class).map(ProjectStatistics::activity);
	}

	private static ProjectActivity activity(ProjectDocument project) {
		return new ProjectActivity(project.getId(), project.getCommunityPcode(), project.getSector(),
				project.getStatus(), keys(project, ProjectOrganizationRole.ACCOUNTABLE),
				keys(project, ProjectOrganizationRole.IMPLEMENTING), keys(project, ProjectOrganizationRole.FUNDING),
				firstMove(project, ProjectStatus.IMPLEMENTATION), firstMove(project, ProjectStatus.COMPLETED),
				(project.getPeopleToBenefit() != null) ? project.getPeopleToBenefit().total() : null,
				project.getPeopleReached(), List.copyOf(project.getBudget()));
	}

	private static List<String> keys(ProjectDocument project, ProjectOrganizationRole role) {
		return project.getOrganizations()
			.stream()
			.filter(organization -> organization.roles() != null && organization.roles().contains(role))
			.map(ProjectOrganization::organizationKey)
			.toList();
	}

	private static Instant firstMove(ProjectDocument project, ProjectStatus status) {
		return project.getStatusHistory()
			.stream()
			.filter(change -> change.to() == status)
			.map(StatusChange::at)
			.min(Instant::compareTo)
			.orElse(null);
	}

	private static long number(Document row, String field) {
		Object value = row.get(field);
		return (value != null) ? ((Number) value).longValue() : 0;
	}

}
