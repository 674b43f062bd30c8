package org.hromada.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import org.springframework.stereotype.Component;

/**
 * Enforces the @allow rules of the schema: every Query, Mutation and Subscription field names the
 * roles that may call it, and its data fetcher is wrapped so that other callers get FORBIDDEN before
 * any controller code runs. A root field without a rule stops the service at start-up: access is
 * denied by default and every new operation must state its rule where readers of the schema see it.
 */
@Component
public class AccessPolicy extends GraphQLTypeVisitorStub {

	static final String DIRECTIVE = "allow";

	private static final Set<String> ROOTS = Set.of("Query", "Mutation", "Subscription");

	@Override
	public TraversalControl visitGraphQLObjectType(GraphQLObjectType type, TraverserContext<GraphQLSchemaElement> context) {
		if (!ROOTS.contains(type.getName())) {
			return TraversalControl.CONTINUE;
		}
		GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
		List<String> unruled = new ArrayList<>();
		for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
			GraphQLAppliedDirective rule = field.getAppliedDirective(DIRECTIVE);
			if (rule == null) {
				unruled.add(type.getName() + "." + field.getName());
				continue;
			}
			FieldCoordinates coordinates = FieldCoordinates.coordinates(type.getName(), field.getName());
			DataFetcher<?> delegate = registry.getDataFetcher(coordinates, field);
			registry.dataFetcher(coordinates, new RoleCheckingDataFetcher(allowedRoles(rule), delegate));
		}
		if (!unruled.isEmpty()) {
			throw new IllegalStateException("Access is denied by default: add an @allow rule to " + unruled);
		}
		return TraversalControl.CONTINUE;
	}

	/** The roles an @allow rule names. */
	public static Set<Role> allowedRoles(GraphQLAppliedDirective rule) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Object value = rule.getArgument("roles").getValue();
		if (value instanceof Iterable<?> names) {
			for (Object name : names) {
				roles.add(Role.valueOf(String.valueOf(name)));
			}
		}
		return roles;
	}

}
