package org.hromada.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import graphql.language.Description;
import graphql.language.DirectiveDefinition;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema is the API's documentation: every type, field, argument and enum value says
 * what it is.
 */
class SchemaDescriptionTests {

	@Test
	void everySchemaElementHasADescription() throws IOException {
		List<String> undocumented = new ArrayList<>();
		for (Resource file : schemaFiles()) {
			TypeDefinitionRegistry registry = parse(file);
			for (TypeDefinition<?> type : registry.types().values()) {
				check(type.getName(), type, undocumented);
			}
			registry.objectTypeExtensions().values().stream().flatMap(List::stream).forEach(extension -> {
				for (FieldDefinition field : extension.getFieldDefinitions()) {
					checkField(extension.getName(), field, undocumented);
				}
			});
			registry.scalars()
				.values()
				.stream()
				.filter(scalar -> !isBuiltIn(scalar))
				.forEach(scalar -> requireDescription(scalar.getName(), scalar.getDescription(), undocumented));
			for (DirectiveDefinition directive : registry.getDirectiveDefinitions().values()) {
				requireDescription("@" + directive.getName(), directive.getDescription(), undocumented);
				directive.getInputValueDefinitions()
					.forEach(argument -> requireDescription("@" + directive.getName() + "(" + argument.getName() + ")",
							argument.getDescription(), undocumented));
			}
		}
		assertThat(undocumented).as("schema elements without a description").isEmpty();
	}

	@Test
	void schemaFilesArePackagedUnderGraphql() throws IOException {
		assertThat(schemaFiles()).extracting(Resource::getFilename)
			.contains("schema.graphqls", "community.graphqls", "activity.graphqls");
	}

	private static void check(String name, TypeDefinition<?> type, List<String> undocumented) {
		if (type instanceof ObjectTypeExtensionDefinition) {
			return;
		}
		if (type instanceof ObjectTypeDefinition object) {
			if (!isRoot(name)) {
				requireDescription(name, object.getDescription(), undocumented);
			}
			object.getFieldDefinitions().forEach(field -> checkField(name, field, undocumented));
		}
		else if (type instanceof InputObjectTypeDefinition input) {
			requireDescription(name, input.getDescription(), undocumented);
			input.getInputValueDefinitions()
				.forEach(field -> requireDescription(name + "." + field.getName(), field.getDescription(),
						undocumented));
		}
		else if (type instanceof EnumTypeDefinition enumType) {
			requireDescription(name, enumType.getDescription(), undocumented);
			enumType.getEnumValueDefinitions()
				.forEach(value -> requireDescription(name + "." + value.getName(), value.getDescription(),
						undocumented));
		}
	}

	private static void checkField(String type, FieldDefinition field, List<String> undocumented) {
		requireDescription(type + "." + field.getName(), field.getDescription(), undocumented);
		for (InputValueDefinition argument : field.getInputValueDefinitions()) {
			if (!argument.getName().equals("input")) {
				requireDescription(type + "." + field.getName() + "(" + argument.getName() + ")",
						argument.getDescription(), undocumented);
			}
		}
	}

	private static boolean isRoot(String name) {
		return name.equals("Query") || name.equals("Mutation") || name.equals("Subscription");
	}

	private static boolean isBuiltIn(ScalarTypeDefinition scalar) {
		return List.of("String", "Int", "Float", "Boolean", "ID").contains(scalar.getName());
	}

	private static void requireDescription(String element, Description description, List<String> undocumented) {
		if (description == null || description.getContent().isBlank()) {
			undocumented.add(element);
		}
	}

	static List<Resource> schemaFiles() throws IOException {
		return List.of(new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls"));
	}

	private static TypeDefinitionRegistry parse(Resource file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

}
