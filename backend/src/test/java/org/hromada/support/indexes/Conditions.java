package org.hromada.support.indexes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * What a MongoDB query filter asks of each field, reduced to what decides whether an
 * index can serve it: the field names only, never the values (so no personal data is
 * kept).
 * <p>
 * Equality ({@code field: value}, {@code $eq}, {@code $in}, {@code $all}) gives an index
 * point bounds; {@code $in} with several values is kept apart ({@link #multiValued}),
 * because it orders a sort only when it precedes the sort keys in the index. A range
 * ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}, a regular expression anchored
 * with {@code ^}) bounds an index scan too. Everything else ({@code $ne}, {@code $nin},
 * {@code $exists}, {@code $not}, {@code $size}, {@code $type}, unanchored expressions,
 * {@code $expr}, {@code $nor}) selects nothing through an index: it is filtered on each
 * document read. Each {@code $or} is kept as its branches, since MongoDB then plans each
 * branch on its own.
 *
 * @param equality fields compared for equality, in the order the filter names them
 * @param multiValued the equality fields matched against several values ({@code $in})
 * @param range fields bounded by a range
 * @param unselective fields filtered without any index bound
 * @param alternatives each {@code $or}: its branches
 */
record Conditions(Set<String> equality, Set<String> multiValued, Set<String> range, Set<String> unselective,
		List<List<Conditions>> alternatives) {

	private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

	private static final Set<String> EQUALITY_OPERATORS = Set.of("$eq", "$in", "$all");

	static final Conditions NONE = new Conditions(Set.of(), Set.of(), Set.of(), Set.of(), List.of());

	static Conditions of(BsonDocument filter) {
		Builder builder = new Builder();
		builder.add("", filter);
		return builder.build();
	}

	boolean isEmpty() {
		return this.equality.isEmpty() && this.range.isEmpty() && this.unselective.isEmpty()
				&& this.alternatives.isEmpty();
	}

	/** Whether the field is compared for equality or bounded by a range. */
	boolean bounds(String field) {
		return this.equality.contains(field) || this.range.contains(field);
	}

	/** These conditions without their {@code $or}s: what every branch shares. */
	Conditions withoutAlternatives() {
		return new Conditions(this.equality, this.multiValued, this.range, this.unselective, List.of());
	}

	/** One branch of the given {@code $or} of these conditions, with all the rest. */
	Conditions branch(List<Conditions> alternative, Conditions branch) {
		Builder builder = new Builder();
		builder.merge(this);
		builder.alternatives.remove(alternative);
		builder.merge(branch);
		return builder.build();
	}

	/**
	 * Field names and how each is compared, e.g. {@code {communityPcode in, createdAt
	 * <>}}.
	 */
	String describe() {
		List<String> parts = new ArrayList<>();
		for (String field : this.equality) {
			parts.add(field + (this.multiValued.contains(field) ? " in" : " ="));
		}
		this.range.forEach(field -> parts.add(field + " <>"));
		this.unselective.forEach(field -> parts.add(field + " ?"));
		for (List<Conditions> alternative : this.alternatives) {
			parts
				.add("$or [" + alternative.stream().map(Conditions::describe).collect(Collectors.joining(" | ")) + "]");
		}
		return "{" + String.join(", ", parts) + "}";
	}

	/** Collects the conditions of a filter document, flattening {@code $and}. */
	private static final class Builder {

		private final Set<String> equality = new LinkedHashSet<>();

		private final Set<String> multiValued = new LinkedHashSet<>();

		private final Set<String> range = new LinkedHashSet<>();

		private final Set<String> unselective = new LinkedHashSet<>();

		private final List<List<Conditions>> alternatives = new ArrayList<>();

		/** Adds a filter document whose fields are under the prefix (for $elemMatch). */
		void add(String prefix, BsonDocument filter) {
			for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
				String key = entry.getKey();
				BsonValue value = entry.getValue();
				switch (key) {
					case "$and" -> each(value).forEach(part -> add(prefix, part));
					case "$or" -> this.alternatives.add(each(value).stream().map(branch -> {
						Builder builder = new Builder();
						builder.add(prefix, branch);
						return builder.build();
					}).toList());
					case "$comment" -> {
					}
					default -> {
						if (key.startsWith("$")) {
							// $nor, $expr, $where, $text, $jsonSchema: no index bounds.
							this.unselective.add(key);
						}
						else {
							field(prefix + key, value);
						}
					}
				}
			}
		}

		private void field(String field, BsonValue value) {
			if (value.isRegularExpression()) {
				regex(field, value.asRegularExpression().getPattern());
			}
			else if (value.isDocument() && isOperatorDocument(value.asDocument())) {
				operators(field, value.asDocument());
			}
			else {
				// A literal, a whole embedded document or an array: equality.
				equality(field, false);
			}
		}

		private void operators(String field, BsonDocument operators) {
			for (Map.Entry<String, BsonValue> operator : operators.entrySet()) {
				String name = operator.getKey();
				BsonValue operand = operator.getValue();
				if (EQUALITY_OPERATORS.contains(name)) {
					boolean several = name.equals("$in") && operand.isArray() && operand.asArray().size() > 1;
					if (name.equals("$in") && operand.isArray()
							&& operand.asArray().stream().anyMatch(BsonValue::isRegularExpression)) {
						this.unselective.add(field);
					}
					else {
						equality(field, several);
					}
				}
				else if (RANGE_OPERATORS.contains(name)) {
					addRange(field);
				}
				else if (name.equals("$regex")) {
					regex(field, operand.isRegularExpression() ? operand.asRegularExpression().getPattern()
							: operand.isString() ? operand.asString().getValue() : "");
				}
				else if (name.equals("$elemMatch") && operand.isDocument()) {
					if (isOperatorDocument(operand.asDocument())) {
						operators(field, operand.asDocument());
					}
					else {
						add(field + ".", operand.asDocument());
					}
				}
				else if (!name.equals("$options")) {
					this.unselective.add(field);
				}
			}
		}

		/** Only a pattern anchored at the start bounds an index scan (to its prefix). */
		private void regex(String field, String pattern) {
			if (pattern.startsWith("^") && !pattern.startsWith("^(?")) {
				addRange(field);
			}
			else {
				this.unselective.add(field);
			}
		}

		private void equality(String field, boolean several) {
			this.equality.add(field);
			this.range.remove(field);
			if (several) {
				this.multiValued.add(field);
			}
		}

		private void addRange(String field) {
			if (!this.equality.contains(field)) {
				this.range.add(field);
			}
		}

		void merge(Conditions conditions) {
			conditions.equality.forEach(field -> equality(field, conditions.multiValued.contains(field)));
			conditions.range.forEach(this::addRange);
			this.unselective.addAll(conditions.unselective);
			this.alternatives.addAll(conditions.alternatives);
		}

		Conditions build() {
			Set<String> unselective = new LinkedHashSet<>(this.unselective);
			unselective.removeAll(this.equality);
			unselective.removeAll(this.range);
			return new Conditions(Collections.unmodifiableSet(this.equality),
					Collections.unmodifiableSet(this.multiValued), Collections.unmodifiableSet(this.range),
					Collections.unmodifiableSet(unselective), List.copyOf(this.alternatives));
		}

		private static boolean isOperatorDocument(BsonDocument document) {
			return !document.isEmpty() && document.getFirstKey().startsWith("$");
		}

		private static List<BsonDocument> each(BsonValue value) {
			if (!value.isArray()) {
				return List.of();
			}
			BsonArray array = value.asArray();
			return array.stream().filter(BsonValue::isDocument).map(BsonValue::asDocument).toList();
		}

	}

}
