package org.hromada.security;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** Finds the caller of the GraphQL request a data fetcher serves. */
public final class Callers {

	private Callers() {
	}

	public static Caller from(DataFetchingEnvironment environment) {
		Caller caller = environment.getGraphQlContext().get(Caller.class);
		if (caller == null) {
			throw new AuthenticationCredentialsNotFoundException("No authenticated caller");
		}
		return caller;
	}

}
