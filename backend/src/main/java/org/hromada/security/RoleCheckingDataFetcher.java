package org.hromada.security;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.security.access.AccessDeniedException;

/**
 * Runs a root field's data fetcher only for callers holding one of the allowed roles. It describes
 * itself as its delegate does, so Spring's schema inspection still sees the controller behind it.
 */
final class RoleCheckingDataFetcher implements SelfDescribingDataFetcher<Object> {

	private final Set<Role> allowed;

	private final DataFetcher<?> delegate;

	RoleCheckingDataFetcher(Set<Role> allowed, DataFetcher<?> delegate) {
		this.allowed = Set.copyOf(allowed);
		this.delegate = delegate;
	}

	@Override
	public Object get(DataFetchingEnvironment environment) throws Exception {
		Caller caller = Callers.from(environment);
		if (!caller.hasAny(this.allowed)) {
			throw new AccessDeniedException("Role not allowed");
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
