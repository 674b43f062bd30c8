package org.hromada.security;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.security.access.AccessDeniedException;

/**
 * Runs a root field's data fetcher only for callers one of its @allow rules admits. It
 * describes itself as its delegate does, so Spring's schema inspection still sees the
 * controller behind it.
 */
final class RoleCheckingDataFetcher implements SelfDescribingDataFetcher<Object> {

	private final List<AccessRule> rules;

	private final DataFetcher<?> delegate;

	private final AccessAudit audit;

	private final String operation;

	RoleCheckingDataFetcher(List<AccessRule> rules, DataFetcher<?> delegate, AccessAudit audit, String operation) {
		this.rules = List.copyOf(rules);
		this.delegate = delegate;
		this.audit = audit;
		this.operation = operation;
	}

	@Override
	public Object get(DataFetchingEnvironment environment) throws Exception {
		Caller caller = Callers.from(environment);
		if (AccessRule.scopeFor(caller, this.rules) == null) {
			this.audit.denied(caller, this.operation, null);
			throw new AccessDeniedException("No access rule admits the caller");
		}
		return this.delegate.get(environment);
	}

	@Override
	public String getDescription() {
		return (this.delegate instanceof SelfDescribingDataFetcher<?> described) ? described.getDescription()
				: this.delegate.toString();
	}

	@Override
	public ResolvableType getReturnType() {
		return (this.delegate instanceof SelfDescribingDataFetcher<?> described) ? described.getReturnType()
				: ResolvableType.NONE;
	}

	@Override
	public Map<String, ResolvableType> getArguments() {
		return (this.delegate instanceof SelfDescribingDataFetcher<?> described) ? described.getArguments() : Map.of();
	}

	@Override
	public Method asMethod() {
		return (this.delegate instanceof SelfDescribingDataFetcher<?> described) ? described.asMethod() : null;
	}

	@Override
	public boolean usesDataLoader() {
		return (this.delegate instanceof SelfDescribingDataFetcher<?> described) && described.usesDataLoader();
	}

}
