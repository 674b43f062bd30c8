package org.hromada.security;

import graphql.ExecutionResult;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link Caller} of each GraphQL request into its GraphQL context once, where
 * the access policy and controllers read it, whatever thread a data fetcher later runs
 * on. After execution it reports withheld sensitive fields in extensions.withheld and to
 * the audit log.
 */
@Component
class CallerInterceptor implements WebGraphQlInterceptor {

	private final AccessAudit audit;

	CallerInterceptor(AccessAudit audit) {
		this.audit = audit;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest) {
			// Over WebSocket the caller is the one of the connection_init token
			// (WebSocketAuthentication), never the handshake's.
			return chain.next(request);
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			return chain.next(request);
		}
		Caller caller = KeycloakTokens.caller(token.getToken());
		WithheldFields withheld = new WithheldFields();
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext(context -> context.put(Caller.class, caller).put(WithheldFields.class, withheld))
			.build());
		return chain.next(request).map(response -> {
			if (withheld.isEmpty()) {
				return response;
			}
			ExecutionResult reported = withheld.report(response.getExecutionResult(), caller, this.audit);
			return response.transform(builder -> builder.extensions(reported.getExtensions()));
		});
	}

}
