package org.hromada.support.indexes;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * One read or write of a MongoDB command reduced to what decides which index serves it:
 * the collection, the conditions of its filter, its sort and whether it stops after a
 * number of documents. Values are dropped: a shape holds field names only.
 * <p>
 * {@code find}, {@code count}, {@code distinct}, {@code findAndModify}, each statement of
 * {@code update} and {@code delete}, and {@code aggregate} (its leading {@code $match}
 * stages, the {@code $sort} and {@code $limit} right after them, and the equality each
 * {@code $lookup} runs on its foreign collection) have shapes; other commands (inserts,
 * index and cursor commands, pings) have none.
 *
 * @param collection the collection read
 * @param operation the command, e.g. find
 * @param conditions the filter's conditions
 * @param sort the sort keys in order, empty when unsorted
 * @param limited whether it stops after a number of documents (a page, a first match)
 * @param distinctKey the field of a distinct command, else null
 */
record QueryShape(String collection, String operation, Conditions conditions, List<SortKey> sort, boolean limited,
		String distinctKey) {

	/** A sort or index key: a field and its direction, 1 or -1. */
	record SortKey(String field, int direction) {

		@Override
		public String toString() {
			return this.field + ":" + this.direction;
		}

	}

	/**
	 * The shapes of one command as the driver sends it; empty for commands that read
	 * none.
	 */
	static List<QueryShape> of(String commandName, BsonDocument command) {
		return switch (commandName) {
			case "find" -> List.of(new QueryShape(name(command, "find"), "find", filter(command, "filter"),
					sort(command, "sort"), positive(command, "limit"), null));
			case "count" -> {
				Conditions conditions = filter(command, "query");
				// An unfiltered count answers from the collection's metadata.
				yield conditions.isEmpty() ? List.of()
						: List.of(new QueryShape(name(command, "count"), "count", conditions, List.of(), false, null));
			}
			case "distinct" -> List.of(new QueryShape(name(command, "distinct"), "distinct", filter(command, "query"),
					List.of(), false, command.getString("key").getValue()));
			case "findAndModify", "findandmodify" -> List.of(new QueryShape(name(command, commandName), "findAndModify",
					filter(command, "query"), sort(command, "sort"), true, null));
			case "update" -> statements(command, "update", "updates");
			case "delete" -> statements(command, "delete", "deletes");
			case "aggregate" -> command.isString("aggregate") ? aggregate(command) : List.of();
			default -> List.of();
		};
	}

	private static List<QueryShape> statements(BsonDocument command, String operation, String listName) {
		if (!command.isArray(listName)) {
			return List.of();
		}
		String collection = name(command, operation);
		return command.getArray(listName)
			.stream()
			.filter(BsonValue::isDocument)
			.map(statement -> new QueryShape(collection, operation, filter(statement.asDocument(), "q"), List.of(),
					false, null))
			.toList();
	}

	private static List<QueryShape> aggregate(BsonDocument command) {
		List<BsonDocument> stages = command.isArray("pipeline") ? command.getArray("pipeline")
			.stream()
			.filter(BsonValue::isDocument)
			.map(BsonValue::asDocument)
			.toList() : List.of();
		BsonDocument match = new BsonDocument("$and", new BsonArray());
		int next = 0;
		while (next < stages.size() && stages.get(next).containsKey("$match")) {
			match.getArray("$and").add(stages.get(next).getDocument("$match"));
			next++;
		}
		List<SortKey> sort = List.of();
		boolean limited = false;
		if (next < stages.size() && stages.get(next).containsKey("$sort")) {
			sort = sort(stages.get(next), "$sort");
			next++;
			limited = next < stages.size() && stages.get(next).containsKey("$limit");
		}
		List<QueryShape> shapes = new ArrayList<>();
		shapes.add(new QueryShape(name(command, "aggregate"), "aggregate", Conditions.of(match), sort, limited, null));
		for (BsonDocument stage : stages) {
			if (stage.isDocument("$lookup") && stage.getDocument("$lookup").isString("foreignField")) {
				BsonDocument lookup = stage.getDocument("$lookup");
				shapes.add(new QueryShape(lookup.getString("from").getValue(), "$lookup",
						Conditions
							.of(new BsonDocument(lookup.getString("foreignField").getValue(), new BsonString(""))),
						List.of(), false, null));
			}
		}
		return shapes;
	}

	/**
	 * The shape without values, e.g. {@code aidRequests find {communityPcode in} sort
	 * [createdAt:-1] limit}.
	 */
	String describe() {
		StringBuilder text = new StringBuilder(this.collection).append(' ').append(this.operation);
		if (this.distinctKey != null) {
			text.append(" of ").append(this.distinctKey);
		}
		text.append(' ').append(this.conditions.describe());
		if (!this.sort.isEmpty()) {
			text.append(" sort ").append(this.sort);
		}
		if (this.limited) {
			text.append(" limit");
		}
		return text.toString();
	}

	private static String name(BsonDocument command, String key) {
		return command.isString(key) ? command.getString(key).getValue() : "?";
	}

	private static Conditions filter(BsonDocument document, String key) {
		return document.isDocument(key) ? Conditions.of(document.getDocument(key)) : Conditions.NONE;
	}

	private static List<SortKey> sort(BsonDocument document, String key) {
		if (!document.isDocument(key)) {
			return List.of();
		}
		return document.getDocument(key)
			.entrySet()
			.stream()
			.filter(entry -> entry.getValue().isNumber())
			.map(entry -> new SortKey(entry.getKey(), (entry.getValue().asNumber().intValue() < 0) ? -1 : 1))
			.collect(Collectors.toList());
	}

	private static boolean positive(BsonDocument document, String key) {
		BsonValue value = document.get(key);
		return value != null && value.isNumber() && value.asNumber().longValue() != 0;
	}

}
