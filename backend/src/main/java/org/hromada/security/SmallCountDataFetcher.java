package org.hromada.security;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

/**
 * Resolves a @smallCount field: for partners, a count from 1 to
 * {@value SmallCountPolicy#THRESHOLD} - 1 becomes null and is listed in
 * extensions.withheld as {@code SMALL_COUNT}, to be shown as "&lt;5" as the 3W export
 * does; every other value, and every value for other callers, as it is.
 */
final class SmallCountDataFetcher implements DataFetcher<Object> {

	private final DataFetcher<?> delegate;

	SmallCountDataFetcher(DataFetcher<?> delegate) {
		this.delegate = delegate;
	}

	@Override
	public Object get(DataFetchingEnvironment environment) throws Exception {
		Object value = this.delegate.get(environment);
		if (!(value instanceof Number count)
				|| !SmallCountPolicy.withholds(Callers.from(environment), count.longValue())) {
			return value;
		}
		WithheldFields withheld = environment.getGraphQlContext().get(WithheldFields.class);
		if (withheld != null) {
			withheld.addSmallCount(environment.getExecutionStepInfo().getPath().toList());
		}
		return null;
	}

}
