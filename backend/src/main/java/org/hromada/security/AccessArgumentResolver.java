package org.hromada.security;

import java.util.List;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;

import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.stereotype.Component;

/**
 * Lets controller methods of root fields declare an {@link Access} parameter: the
 * caller's reach under the field's @allow rules, for the service to apply.
 */
@Component
class AccessArgumentResolver implements HandlerMethodArgumentResolver {

	private final AccessAudit audit;

	AccessArgumentResolver(AccessAudit audit) {
		this.audit = audit;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Access.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment environment) {
		Caller caller = Callers.from(environment);
		List<AccessRule> rules = AccessRule.of(environment.getFieldDefinition());
		AccessScope scope = AccessRule.scopeFor(caller, rules);
		if (scope == null) {
			throw new IllegalStateException("Access is resolved only for root fields the caller was admitted to");
		}
		String operation = ((GraphQLObjectType) environment.getParentType()).getName() + "."
				+ environment.getFieldDefinition().getName();
		return new Access(caller, scope, operation, this.audit);
	}

}
