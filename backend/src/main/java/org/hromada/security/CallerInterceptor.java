package org.hromada.security;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link Caller} of each GraphQL request into its GraphQL context once, where the access
 * policy and controllers read it, whatever thread a data fetcher later runs on.
 */
@Component
class CallerInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			Caller caller = KeycloakTokens.caller(token.getToken());
			request.configureExecutionInput(
					(input, builder) -> builder.graphQLContext(context -> context.put(Caller.class, caller)).build());
		}
		return chain.next(request);
	}

}
