package org.hromada.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * Answers a request without a valid access token with HTTP 401 and a GraphQL-shaped body,
 * so that GraphQL clients can read the failure like any other error. The message says
 * what to do; it never echoes the token or the reason the decoder gave internally.
 */
@Component
class GraphQlAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private static final String MISSING = "Authentication required: send an access token of the hromada realm "
			+ "as 'Authorization: Bearer <token>'";

	private static final String INVALID = "The access token was rejected: it is expired, not yet valid, "
			+ "not signed by the hromada realm, or not an access token for this API";

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		boolean tokenGiven = ex instanceof InvalidBearerTokenException
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				tokenGiven ? "Bearer realm=\"hromada\", error=\"invalid_token\"" : "Bearer realm=\"hromada\"");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"errors\":[{\"message\":\"" + (tokenGiven ? INVALID : MISSING)
					+ "\",\"extensions\":{\"classification\":\"UNAUTHORIZED\"}}]}");
	}

}
