package org.hromada.graphql;

import graphql.schema.GraphQLSchema;
import graphql.schema.SchemaTraverser;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * No list of the schema goes without a declared size: a list field without @listSize or
 *
 * @perInput (connection edges and introspection aside) stops the service at start-up, as
 * does a slicing argument the field does not have.
 */
class ListSizesTests {

	private static final String DIRECTIVES = """
			directive @listSize(max: Int!, slicingArgument: String) on FIELD_DEFINITION
			directive @perInput on FIELD_DEFINITION
			type Item { id: ID }
			type ItemEdge { node: Item }
			type ItemConnection { edges: [ItemEdge]! }
			type Payload { userErrors: [String!]! @perInput }
			""";

	@Test
	void declaredListsPass() {
		assertThatNoException().isThrownBy(() -> check("""
				type Query {
				  items(first: Int): ItemConnection
				  near(first: Int): [Item!]! @listSize(max: 100, slicingArgument: "first")
				  tags: [String!]! @listSize(max: 20)
				  payload: Payload
				}
				"""));
	}

	@Test
	void aListWithoutASizeIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> check("type Query { tags: [String!]! payload: Payload }"))
			.withMessageContaining("Query.tags is a list without @listSize or @perInput");
	}

	@Test
	void aSlicingArgumentTheFieldLacksIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> check("type Query { near: [Item!]! @listSize(max: 100, slicingArgument: \"first\") }"))
			.withMessageContaining("Query.near has no argument first");
	}

	private static void check(String query) {
		GraphQLSchema schema = UnExecutableSchemaGenerator
			.makeUnExecutableSchema(new SchemaParser().parse(DIRECTIVES + query));
		new SchemaTraverser().depthFirst(new ListSizes.Check(), schema.getAllTypesAsList());
	}

}
