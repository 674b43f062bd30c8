package org.hromada.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import org.springframework.stereotype.Component;

/**
 * Enforces the access rules declared in the schema, in one place:
 * <ul>
 * <li>every Query, Mutation and Subscription field names its @allow rules, and its data
 * fetcher is wrapped so that callers no rule admits get FORBIDDEN before any controller
 * code runs;</li>
 * <li>every @sensitive field, on whatever type and however its parent was loaded
 * (directly, in a batch, inside a connection or a subscription event), is wrapped so that
 * callers not entitled get null and a marker instead;</li>
 * <li>every @smallCount field likewise withholds counts from 1 to 4 from partners
 * ({@link SmallCountPolicy}).</li>
 * </ul>
 * A root field without a rule, or a nullable-incompatible sensitive field, stops the
 * service at start-up: access is denied by default and every new operation states its
 * rule in the schema.
 */
@Component
public class AccessPolicy extends GraphQLTypeVisitorStub {

	private static final Set<String> ROOTS = Set.of("Query", "Mutation", "Subscription");

	private final AccessAudit audit;

	AccessPolicy(AccessAudit audit) {
		this.audit = audit;
	}

	@Override
	public TraversalControl visitGraphQLObjectType(GraphQLObjectType type,
			TraverserContext<GraphQLSchemaElement> context) {
		GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
		List<String> defects = new ArrayList<>();
		for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
			FieldCoordinates coordinates = FieldCoordinates.coordinates(type.getName(), field.getName());
			if (ROOTS.contains(type.getName())) {
				List<AccessRule> rules = AccessRule.of(field);
				if (rules.isEmpty()) {
					defects.add(coordinates + " has no @allow rule");
					continue;
				}
				DataFetcher<?> delegate = registry.getDataFetcher(coordinates, field);
				registry.dataFetcher(coordinates,
						new RoleCheckingDataFetcher(rules, delegate, this.audit, coordinates.toString()));
			}
			GraphQLAppliedDirective sensitive = field.getAppliedDirective("sensitive");
			boolean smallCount = field.getAppliedDirective("smallCount") != null;
			if ((sensitive != null || smallCount) && field.getType() instanceof GraphQLNonNull) {
				defects.add(coordinates + " is @sensitive or @smallCount and must be nullable");
				continue;
			}
			DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
			// A withheld sensitive field is withheld as such, whatever its count.
			if (smallCount) {
				fetcher = new SmallCountDataFetcher(fetcher);
			}
			if (sensitive != null) {
				Sensitivity level = Sensitivity
					.valueOf(String.valueOf((Object) sensitive.getArgument("level").getValue()));
				fetcher = new SensitiveFieldDataFetcher(level, coordinates.toString(), fetcher);
			}
			if (sensitive != null || smallCount) {
				registry.dataFetcher(coordinates, fetcher);
			}
		}
		if (!defects.isEmpty()) {
			throw new IllegalStateException("Access policy defects (access is denied by default): " + defects);
		}
		return TraversalControl.CONTINUE;
	}

}
