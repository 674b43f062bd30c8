package org.hromada.security;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Finds the caller of a GraphQL request, or of a plain HTTP request (a download) from its
 * validated token.
 */
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

	/** The caller a validated access token describes, for plain HTTP endpoints. */
	public static Caller from(Jwt token) {
		return KeycloakTokens.caller(token);
	}

}
