package org.hromada.graphql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * The size of a GraphQL document, measured on its syntax alone: no schema, before
 * validation, so a hostile document is measured in one pass over its nodes whatever it
 * contains (unknown fields, fragment cycles and all; validation reports those
 * afterwards).
 * <p>
 * A fragment counts at every place it is spread, but each fragment is measured once and
 * its measure reused, so a fragment spread a thousand times, or a chain of fragments each
 * spreading the next twice (a "fragment bomb"), costs one visit per fragment. Counts
 * saturate instead of overflowing.
 *
 * @param depth fields nested in one another along the deepest path ({@code { me { id } }}
 * is 2)
 * @param fields fields, each counting 1
 * @param aliases fields with an alias
 */
record QueryLimitMeasure(int depth, long fields, long aliases) {

	private static final QueryLimitMeasure NONE = new QueryLimitMeasure(0, 0, 0);

	/** The largest depth, field count and alias count of the document's operations. */
	static QueryLimitMeasure of(Document document) {
		Map<String, Shape> fragments = new HashMap<>();
		List<Shape> operations = new ArrayList<>();
		for (Definition<?> definition : document.getDefinitions()) {
			if (definition instanceof OperationDefinition operation) {
				operations.add(Shape.of(operation.getSelectionSet()));
			}
			else if (definition instanceof FragmentDefinition fragment) {
				fragments.putIfAbsent(fragment.getName(), Shape.of(fragment.getSelectionSet()));
			}
		}
		Map<String, QueryLimitMeasure> measured = measureFragments(fragments);
		QueryLimitMeasure largest = NONE;
		for (Shape operation : operations) {
			QueryLimitMeasure measure = operation.measure(measured);
			largest = new QueryLimitMeasure(Math.max(largest.depth, measure.depth),
					Math.max(largest.fields, measure.fields), Math.max(largest.aliases, measure.aliases));
		}
		return largest;
	}

	/**
	 * Measures every fragment after the fragments it spreads, depth first with an
	 * explicit stack (a long chain of fragments cannot exhaust the thread's stack). A
	 * spread that closes a cycle counts nothing.
	 */
	private static Map<String, QueryLimitMeasure> measureFragments(Map<String, Shape> fragments) {
		Map<String, QueryLimitMeasure> measured = new HashMap<>();
		Set<String> entered = new HashSet<>();
		Deque<String> stack = new ArrayDeque<>();
		for (String root : fragments.keySet()) {
			stack.push(root);
			while (!stack.isEmpty()) {
				String name = stack.peek();
				if (measured.containsKey(name)) {
					stack.pop();
				}
				else if (entered.add(name)) {
					for (Spread spread : fragments.get(name).spreads) {
						if (fragments.containsKey(spread.name) && !entered.contains(spread.name)) {
							stack.push(spread.name);
						}
					}
				}
				else {
					stack.pop();
					measured.put(name, fragments.get(name).measure(measured));
				}
			}
		}
		return measured;
	}

	private static long add(long a, long b) {
		long sum = a + b;
		return (sum < 0) ? Long.MAX_VALUE : sum;
	}

	/** A fragment spread in a selection, under {@code level} fields of its definition. */
	private record Spread(String name, int level) {

	}

	/** What one operation or fragment holds itself, and the fragments it spreads. */
	private static final class Shape {

		private int depth;

		private long fields;

		private long aliases;

		private final List<Spread> spreads = new ArrayList<>();

		static Shape of(SelectionSet selectionSet) {
			Shape shape = new Shape();
			shape.collect(selectionSet, 0);
			return shape;
		}

		/** Recursion bounded by the parser's rule depth limit (graphql-java: 500). */
		private void collect(SelectionSet selectionSet, int level) {
			if (selectionSet == null) {
				return;
			}
			for (Selection<?> selection : selectionSet.getSelections()) {
				if (selection instanceof Field field) {
					this.fields++;
					if (field.getAlias() != null) {
						this.aliases++;
					}
					this.depth = Math.max(this.depth, level + 1);
					collect(field.getSelectionSet(), level + 1);
				}
				else if (selection instanceof InlineFragment inline) {
					collect(inline.getSelectionSet(), level);
				}
				else if (selection instanceof FragmentSpread spread) {
					this.spreads.add(new Spread(spread.getName(), level));
				}
			}
		}

		/**
		 * This shape with its spreads replaced by the measures of their fragments
		 * (unknown ones: nothing).
		 */
		QueryLimitMeasure measure(Map<String, QueryLimitMeasure> fragments) {
			int depth = this.depth;
			long fields = this.fields;
			long aliases = this.aliases;
			for (Spread spread : this.spreads) {
				QueryLimitMeasure fragment = fragments.getOrDefault(spread.name, NONE);
				if (fragment.depth > 0) {
					depth = Math.max(depth, (int) Math.min(Integer.MAX_VALUE, (long) spread.level + fragment.depth));
				}
				fields = add(fields, fragment.fields);
				aliases = add(aliases, fragment.aliases);
			}
			return new QueryLimitMeasure(depth, fields, aliases);
		}

	}

}
