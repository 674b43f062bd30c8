package org.hromada.security;

import java.util.List;
import java.util.Optional;

import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * The reach a caller would have under another root field's @allow rules. A nested field
 * that shows records of another feature (a project's linked needs) applies the rules of
 * the root field that reads those records (Query.aidRequest), so the schema stays the one
 * place that says who sees what, and the two paths cannot drift apart.
 */
@Component
public class OperationAccess {

	private final ObjectProvider<GraphQlSource> graphQl;

	private final AccessAudit audit;

	OperationAccess(ObjectProvider<GraphQlSource> graphQl, AccessAudit audit) {
		this.graphQl = graphQl;
		this.audit = audit;
	}

	/**
	 * The caller's access under the rules of the operation, for example
	 * {@code "Query.aidRequest"}; empty when no rule admits the caller.
	 */
	public Optional<Access> as(String operation, Caller caller) {
		String[] parts = operation.split("\\.", 2);
		GraphQLFieldDefinition field = this.graphQl.getObject()
			.schema()
			.getCodeRegistry()
			.getFieldVisibility()
			.getFieldDefinition(this.graphQl.getObject().schema().getObjectType(parts[0]), parts[1]);
		if (field == null) {
			throw new IllegalArgumentException("No operation " + FieldCoordinates.coordinates(parts[0], parts[1]));
		}
		List<AccessRule> rules = AccessRule.of(field);
		AccessScope scope = AccessRule.scopeFor(caller, rules);
		return (scope != null) ? Optional.of(new Access(caller, scope, operation, this.audit)) : Optional.empty();
	}

}
