package org.hromada.graphql;

import java.util.ArrayList;
import java.util.List;

import graphql.analysis.FieldComplexityEnvironment;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * How many items each list of the schema can return, as the schema declares it, and the
 * complexity of a query counted with it: each field counts 1, times the most items of
 * every list around it, so the complexity bounds the values a response can hold.
 * <ul>
 * <li>a connection's {@code edges}: the connection field's {@code first}
 * ({@value Pages#DEFAULT_SIZE} when omitted, at most {@value Pages#MAX_SIZE});</li>
 * <li>a list marked {@code @listSize(max: N)}: N, or with {@code slicingArgument} that
 * argument's value (the page default when omitted), at most N;</li>
 * <li>a list marked {@code @perInput} (userErrors and the results of a batch): once, as
 * it holds at most one entry per part of the input, which the request limits bound;</li>
 * <li>introspection: once (its lists are the schema's own, of fixed size).</li>
 * </ul>
 * A list of an object type without one of these stops the service at start-up
 * ({@link Check}), so no list is unbounded.
 */
final class ListSizes {

	static final String LIST_SIZE = "listSize";

	static final String PER_INPUT = "perInput";

	private ListSizes() {
	}

	/**
	 * The complexity of one field from that of its children: 1 plus theirs, times the
	 * most items the field can return.
	 */
	static long complexity(FieldComplexityEnvironment environment, int childComplexity) {
		return items(environment) * (1L + Math.max(0, childComplexity));
	}

	/** The most items the field can return: 1 for a field that is not a list. */
	static long items(FieldComplexityEnvironment environment) {
		GraphQLFieldDefinition field = environment.getFieldDefinition();
		String parent = environment.getParentType().getName();
		if (!isList(field.getType()) || parent.startsWith("__")) {
			return 1;
		}
		if (isConnectionEdges(parent, field.getName())) {
			FieldComplexityEnvironment connection = environment.getParentEnvironment();
			return slice((connection != null) ? connection.getArguments().get("first") : null, Pages.MAX_SIZE);
		}
		if (field.getAppliedDirective(PER_INPUT) != null) {
			return 1;
		}
		GraphQLAppliedDirective size = field.getAppliedDirective(LIST_SIZE);
		if (size == null) {
			// Not reached: Check refuses such a schema.
			return Integer.MAX_VALUE;
		}
		int max = size.getArgument("max").getValue();
		String slicing = size.getArgument("slicingArgument").getValue();
		return (slicing != null) ? slice(environment.getArguments().get(slicing), max) : max;
	}

	/**
	 * A page size asked for: its value or the default, at least 1, at most {@code max}.
	 */
	private static long slice(Object first, int max) {
		long asked = (first instanceof Number number) ? number.longValue() : Pages.DEFAULT_SIZE;
		return Math.max(1, Math.min(asked, max));
	}

	private static boolean isConnectionEdges(String parent, String field) {
		return parent.endsWith("Connection") && field.equals("edges");
	}

	private static boolean isList(GraphQLType type) {
		GraphQLType unwrapped = (type instanceof GraphQLNonNull nonNull) ? nonNull.getWrappedType() : type;
		return unwrapped instanceof GraphQLList;
	}

	/**
	 * Refuses a schema with a list whose size is not declared: every list field of an
	 * object type, but connection edges and introspection, carries @listSize
	 * or @perInput.
	 */
	static final class Check extends GraphQLTypeVisitorStub {

		@Override
		public TraversalControl visitGraphQLObjectType(GraphQLObjectType type,
				TraverserContext<GraphQLSchemaElement> context) {
			if (type.getName().startsWith("__")) {
				return TraversalControl.CONTINUE;
			}
			List<String> defects = new ArrayList<>();
			for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
				if (!isList(field.getType()) || isConnectionEdges(type.getName(), field.getName())
						|| field.getAppliedDirective(PER_INPUT) != null) {
					continue;
				}
				GraphQLAppliedDirective size = field.getAppliedDirective(LIST_SIZE);
				String coordinates = type.getName() + "." + field.getName();
				if (size == null) {
					defects.add(coordinates + " is a list without @listSize or @perInput");
					continue;
				}
				String slicing = size.getArgument("slicingArgument").getValue();
				if (slicing != null && field.getArgument(slicing) == null) {
					defects.add(coordinates + " has no argument " + slicing);
				}
			}
			if (!defects.isEmpty()) {
				throw new IllegalStateException("Unbounded lists in the schema: " + defects);
			}
			return TraversalControl.CONTINUE;
		}

	}

}
