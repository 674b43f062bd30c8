package org.hromada.support.indexes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hromada.support.indexes.QueryShape.SortKey;

/**
 * MongoDB's rules for answering a query from a compound index, applied to a
 * {@link QueryShape}. An index serves a shape when MongoDB can read the answer off it
 * without scanning the collection and without sorting in memory:
 * <ul>
 * <li>it delivers the sort: once the keys the query fixes by equality are set aside, the
 * index keys begin with the sort keys, all in the sort's direction or all reversed (a key
 * matched by several values with {@code $in} may be set aside only before the sort keys,
 * where MongoDB merges the sorted runs of each value; a sort key fixed by equality needs
 * no index key);</li>
 * <li>and it bounds the scan: its first key is compared for equality or bounded by a
 * range (the ESR rule follows: equality keys, then the sort, then ranges). A sorted read
 * that stops after a page may instead walk the whole index in order, filtering as it
 * goes;</li>
 * <li>a sparse or partial index serves only queries that condition one of its keys, as it
 * lacks the other documents;</li>
 * <li>equality on every key of a unique index (the {@code _id} index included) finds at
 * most one document per value, which needs no sort;</li>
 * <li>a query with an {@code $or} is served either as a whole, the {@code $or} filtered,
 * or branch by branch: every branch, with the conditions outside the {@code $or}, served
 * by a bounded scan that delivers the sort;</li>
 * <li>a {@code distinct} without conditions is served by an index that begins with its
 * key.</li>
 * </ul>
 * Conditions on fields outside the index are filtered on the documents read; they do not
 * stop an index from serving (the lists filter on optional fields this way).
 */
final class IndexRules {

	private IndexRules() {
	}

	/** The name of an index of the collection that serves the shape. */
	static Optional<String> servingIndex(QueryShape shape, List<DeclaredIndex> indexes) {
		List<DeclaredIndex> own = new ArrayList<>();
		own.add(DeclaredIndex.id(shape.collection()));
		indexes.stream().filter(index -> index.collection().equals(shape.collection())).forEach(own::add);
		if (shape.distinctKey() != null && shape.conditions().isEmpty()) {
			return own.stream()
				.filter(index -> !index.sparse() && index.fields().get(0).equals(shape.distinctKey()))
				.map(DeclaredIndex::name)
				.findFirst();
		}
		return served(shape.conditions(), shape.sort(), shape.limited(), false, own);
	}

	private static Optional<String> served(Conditions conditions, List<SortKey> sort, boolean limited,
			boolean mustBound, List<DeclaredIndex> indexes) {
		Conditions shared = conditions.withoutAlternatives();
		Optional<DeclaredIndex> best = indexes.stream()
			.filter(index -> serves(index, shared, sort, limited && !mustBound))
			.max(Comparator.comparingInt(index -> boundedKeys(index, shared)));
		if (best.isPresent()) {
			return best.map(DeclaredIndex::name);
		}
		for (List<Conditions> alternative : conditions.alternatives()) {
			Set<String> names = new LinkedHashSet<>();
			for (Conditions branch : alternative) {
				Optional<String> name = served(conditions.branch(alternative, branch), sort, limited, true, indexes);
				if (name.isEmpty()) {
					names = null;
					break;
				}
				names.add(name.get());
			}
			if (names != null) {
				return Optional.of(String.join(" | ", names));
			}
		}
		return Optional.empty();
	}

	/**
	 * How many leading keys of the index the conditions bound: the narrower, the better.
	 */
	private static int boundedKeys(DeclaredIndex index, Conditions conditions) {
		int bounded = 0;
		while (bounded < index.keys().size() && conditions.bounds(index.keys().get(bounded).field())) {
			bounded++;
		}
		return bounded;
	}

	/** Whether the index serves the conditions (without $or) and sort. */
	static boolean serves(DeclaredIndex index, Conditions conditions, List<SortKey> sort, boolean walkAllowed) {
		List<String> fields = index.fields();
		if (index.sparse() && fields.stream().noneMatch(conditions::bounds)) {
			return false;
		}
		if (index.unique() && conditions.equality().containsAll(fields)) {
			return true;
		}
		List<SortKey> wanted = sort.stream().filter(key -> !conditions.equality().contains(key.field())).toList();
		if (!deliversSort(index, conditions, wanted)) {
			return false;
		}
		boolean bounded = conditions.bounds(fields.get(0));
		return bounded || (walkAllowed && !wanted.isEmpty());
	}

	private static boolean deliversSort(DeclaredIndex index, Conditions conditions, List<SortKey> wanted) {
		if (wanted.isEmpty()) {
			return true;
		}
		List<SortKey> remaining = new ArrayList<>();
		for (SortKey key : index.keys()) {
			boolean fixed = conditions.equality().contains(key.field());
			boolean beforeSort = remaining.isEmpty();
			if (fixed && (beforeSort || !conditions.multiValued().contains(key.field()))) {
				continue;
			}
			remaining.add(key);
		}
		if (remaining.size() < wanted.size()) {
			return false;
		}
		int orientation = remaining.get(0).direction() * wanted.get(0).direction();
		for (int i = 0; i < wanted.size(); i++) {
			SortKey key = remaining.get(i);
			if (!key.field().equals(wanted.get(i).field()) || orientation == 0
					|| key.direction() * wanted.get(i).direction() != orientation) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The index that would serve the shape by the ESR rule: its equality fields, then its
	 * sort, then its range fields; for an $or, the shared conditions alone when they hold
	 * an equality, else one index per branch.
	 */
	static String suggestion(QueryShape shape) {
		Conditions conditions = shape.conditions();
		if (shape.distinctKey() != null && conditions.isEmpty()) {
			return "{" + shape.distinctKey() + ": 1}";
		}
		if (conditions.alternatives().isEmpty() || !conditions.equality().isEmpty()) {
			return esr(conditions, shape.sort());
		}
		return conditions.alternatives()
			.get(0)
			.stream()
			.map(branch -> esr(conditions.branch(conditions.alternatives().get(0), branch), shape.sort()))
			.distinct()
			.collect(Collectors.joining(" and "));
	}

	private static String esr(Conditions conditions, List<SortKey> sort) {
		List<String> keys = new ArrayList<>();
		conditions.equality().forEach(field -> keys.add(field + ": 1"));
		sort.stream()
			.filter(key -> !conditions.equality().contains(key.field()))
			.forEach(key -> keys.add(key.field() + ": " + key.direction()));
		conditions.range()
			.stream()
			.filter(field -> sort.stream().noneMatch(key -> key.field().equals(field)))
			.forEach(field -> keys.add(field + ": 1"));
		return "{" + String.join(", ", keys) + "}";
	}

}
