package org.hromada.webapp;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.TypeFromAST;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import org.hromada.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GraphQL document the web client sends (the literals of static/app/**.js, see
 * {@link FieldAppDocuments}) is valid against the schema and within the API's query
 * limits, checked by the server's own limit instrumentation with its configured limits:
 * tokens, depth, fields and aliases on the syntax, then the list-aware complexity with
 * the schema. Nothing is executed: a second instrumentation stops each operation where it
 * would start. Variables get the largest value their use can take where it matters (an
 * Int, as a page size, is the largest page, 100), so the complexity is the worst the
 * client can send.
 */
class FieldAppDocumentLimitsTests extends IntegrationTest {

	private static final String CHECKED = "within the limits; not executed";

	private static final int LARGEST_PAGE = 100;

	@Autowired
	private GraphQlSource graphQlSource;

	@Autowired
	private ApplicationContext context;

	@Test
	void everyDocumentTheClientSendsIsValidAndWithinTheLimits() {
		FieldAppDocuments client = FieldAppDocuments.ofTheApp();
		assertThat(client.problems()).isEmpty();
		assertThat(client.documents()).extracting((document) -> operationName(document.text()))
			.as("the operations of the field app, found in its modules")
			.contains("MyNeeds", "LogNeeds", "MyAssignments", "Respond", "CheckIn", "Complete", "CommunityNames");
		Map<String, List<String>> refused = new LinkedHashMap<>();
		for (FieldAppDocuments.Document document : client.documents()) {
			List<String> errors = check(document.text());
			if (!errors.isEmpty()) {
				refused.put(document.toString(), errors);
			}
		}
		assertThat(refused).as("client documents the API would refuse").isEmpty();
	}

	@Test
	void aDocumentOverALimitIsReported() {
		// The README's example: 1 + 100 x (1 + 1 + 100 x 3) = 30,201 values.
		String source = """
				const FIELDS = 'linkedAidRequests { id title }';
				const PROJECTS = `query Projects { projects(first: 100) { edges { node { ${FIELDS} } } } }`;
				const ALIASES = `query Many { me { %s } }`;
				""".formatted("a%d: id ".repeat(31).formatted((Object[]) range(31)));
		FieldAppDocuments found = FieldAppDocuments.of(URI.create("/app/example.js"), source);
		assertThat(found.documents()).hasSize(2);
		assertThat(check(found.documents().get(0).text())).singleElement()
			.asString()
			.startsWith("Query complexity 30201 exceeds the limit of 20000");
		assertThat(check(found.documents().get(1).text()))
			.containsExactly("Query alias count 31 exceeds the limit of 30");
	}

	@Test
	void aDocumentBuiltFromMoreThanConstantsIsReported() {
		String source = """
				const query = `query Names(${pcodes.map((_, i) => `$p${i}: String!`).join(', ')}) { me { id } }`;
				""";
		assertThat(FieldAppDocuments.of(URI.create("/app/example.js"), source).problems()).singleElement()
			.asString()
			.contains("substitutes ${pcodes.map(");
	}

	/**
	 * What the API answers to the document: nothing when it is valid and within limits.
	 */
	private List<String> check(String document) {
		GraphQLSchema schema = this.graphQlSource.schema();
		Instrumentation limits = this.context.getBean("queryLimitInstrumentation", Instrumentation.class);
		GraphQL engine = GraphQL.newGraphQL(schema)
			.instrumentation(new ChainedInstrumentation(List.of(limits, new StopBeforeExecution())))
			.build();
		ExecutionResult result = engine
			.execute(ExecutionInput.newExecutionInput(document).variables(variables(schema, document)).build());
		List<String> errors = new ArrayList<>();
		for (GraphQLError error : result.getErrors()) {
			if (!CHECKED.equals(error.getMessage())) {
				errors.add(error.getMessage());
			}
		}
		return errors;
	}

	private static String operationName(String document) {
		return Parser.parse(document).getDefinitionsOfType(OperationDefinition.class).get(0).getName();
	}

	/** A value for every variable of the document's operations, of its type. */
	private static Map<String, Object> variables(GraphQLSchema schema, String document) {
		Map<String, Object> values = new LinkedHashMap<>();
		try {
			for (OperationDefinition operation : Parser.parse(document)
				.getDefinitionsOfType(OperationDefinition.class)) {
				for (VariableDefinition variable : operation.getVariableDefinitions()) {
					values.put(variable.getName(), sample(TypeFromAST.getTypeFromAST(schema, variable.getType())));
				}
			}
		}
		catch (RuntimeException ex) {
			// A document that does not parse, or names unknown types: the engine reports
			// it.
		}
		return values;
	}

	private static Object sample(GraphQLType type) {
		if (type instanceof GraphQLNonNull nonNull) {
			return sample(nonNull.getWrappedType());
		}
		if (type instanceof GraphQLList list) {
			return List.of(sample(list.getWrappedType()));
		}
		if (type instanceof GraphQLEnumType enumeration) {
			return enumeration.getValues().get(0).getName();
		}
		if (type instanceof GraphQLInputObjectType input) {
			Map<String, Object> fields = new LinkedHashMap<>();
			for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
				if (field.getType() instanceof GraphQLNonNull && !field.hasSetDefaultValue()) {
					fields.put(field.getName(), sample(field.getType()));
				}
			}
			return fields;
		}
		return switch (((GraphQLScalarType) type).getName()) {
			case "Int" -> LARGEST_PAGE;
			case "Float" -> 1.0;
			case "Boolean" -> true;
			case "Long" -> 1L;
			case "DateTime" -> "2030-01-01T00:00:00Z";
			default -> "x";
		};
	}

	private static Object[] range(int count) {
		Object[] numbers = new Object[count];
		for (int i = 0; i < count; i++) {
			numbers[i] = i;
		}
		return numbers;
	}

	/**
	 * Stops every operation where it would start executing, once the limit
	 * instrumentation before it has let it through.
	 */
	private static final class StopBeforeExecution implements Instrumentation {

		@Override
		public InstrumentationContext<ExecutionResult> beginExecuteOperation(
				InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
			throw new AbortExecutionException(CHECKED);
		}

	}

}
