package org.hromada.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;

/**
 * One @allow rule of a root field: who may call it and how far it reaches.
 *
 * @param roles roles the rule admits
 * @param scope reach of the rule
 */
public record AccessRule(Set<Role> roles, AccessScope scope) {

	static final String DIRECTIVE = "allow";

	/** The rules declared on a field, in declaration order; empty when it has none. */
	public static List<AccessRule> of(GraphQLFieldDefinition field) {
		return field.getAppliedDirectives(DIRECTIVE).stream().map(AccessRule::of).toList();
	}

	private static AccessRule of(GraphQLAppliedDirective directive) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (directive.getArgument("roles").getValue() instanceof Iterable<?> names) {
			names.forEach(name -> roles.add(Role.valueOf(String.valueOf(name))));
		}
		Object scope = directive.getArgument("scope").getValue();
		return new AccessRule(roles, (scope != null) ? AccessScope.valueOf(String.valueOf(scope)) : AccessScope.ANY);
	}

	/**
	 * The broadest scope the caller gets from these rules, or null when no rule admits
	 * the caller.
	 */
	static AccessScope scopeFor(Caller caller, List<AccessRule> rules) {
		AccessScope broadest = null;
		for (AccessRule rule : rules) {
			if (caller.hasAny(rule.roles()) && (broadest == null || rule.scope().compareTo(broadest) < 0)) {
				broadest = rule.scope();
			}
		}
		return broadest;
	}

}
