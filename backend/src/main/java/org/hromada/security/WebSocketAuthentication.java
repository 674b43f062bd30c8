package org.hromada.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Authenticates GraphQL over WebSocket (graphql-ws at /graphql-ws): the access token
 * comes in the connection_init message ({"Authorization": "Bearer ..."}), never in the
 * URL, and is checked by the same {@link JwtDecoder} as over HTTP (signature, issuer,
 * expiry, audience, type). A missing or invalid token closes the socket with 4401,
 * without saying why. Every operation on the socket then runs as the token's
 * {@link Caller}, so the @allow rules and @sensitive fields apply as over HTTP; each
 * event of a subscription reports its own withheld fields in its extensions.withheld.
 * <p>
 * When the token expires (beyond the clock skew) the socket's open subscriptions end with
 * an UNAUTHORIZED error and new operations are UNAUTHORIZED: the client reconnects with a
 * fresh token.
 */
@Component
class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

	private static final Logger log = LoggerFactory.getLogger(WebSocketAuthentication.class);

	private static final String CALLER = WebSocketAuthentication.class.getName() + ".caller";

	private static final String VALID_UNTIL = WebSocketAuthentication.class.getName() + ".validUntil";

	private static final String BEARER = "Bearer ";

	private final JwtDecoder decoder;

	private final Duration clockSkew;

	private final Clock clock;

	private final AccessAudit audit;

	WebSocketAuthentication(JwtDecoder decoder, TokenProperties token, Clock clock, AccessAudit audit) {
		this.decoder = decoder;
		this.clockSkew = token.clockSkew();
		this.clock = clock;
		this.audit = audit;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
		String token = bearerToken(payload);
		if (token == null) {
			log.info("GraphQL WebSocket connection refused: no bearer token in connection_init");
			return Mono.error(new BadCredentialsException("No bearer token"));
		}
		Jwt jwt;
		try {
			jwt = this.decoder.decode(token);
		}
		catch (JwtException ex) {
			log.info("GraphQL WebSocket connection refused: {}", ex.getClass().getSimpleName());
			return Mono.error(new BadCredentialsException("Invalid token"));
		}
		session.getAttributes().put(CALLER, KeycloakTokens.caller(jwt));
		session.getAttributes().put(VALID_UNTIL, jwt.getExpiresAt().plus(this.clockSkew));
		return Mono.empty();
	}

	private static String bearerToken(Map<String, Object> payload) {
		if (payload == null) {
			return null;
		}
		Object value = payload.entrySet()
			.stream()
			.filter(entry -> "authorization".equalsIgnoreCase(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
		if (!(value instanceof String header) || header.length() <= BEARER.length()
				|| !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		return header.substring(BEARER.length()).strip();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest socketRequest)) {
			return chain.next(request);
		}
		Map<String, Object> attributes = socketRequest.getSessionInfo().getAttributes();
		Caller caller = (Caller) attributes.get(CALLER);
		Instant validUntil = (Instant) attributes.get(VALID_UNTIL);
		Duration remaining = (validUntil != null) ? Duration.between(this.clock.instant(), validUntil) : Duration.ZERO;
		if (caller == null || remaining.isNegative() || remaining.isZero()) {
			// No caller in the context: every field is UNAUTHORIZED, as over HTTP.
			return chain.next(request);
		}
		WithheldFields withheld = new WithheldFields();
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext(context -> context.put(Caller.class, caller).put(WithheldFields.class, withheld))
			.build());
		return chain.next(request).map(response -> {
			if (response.getData() instanceof Publisher<?> events) {
				return response.transform(builder -> builder.data(events(events, caller, withheld, remaining)));
			}
			ExecutionResult reported = withheld.drain().report(response.getExecutionResult(), caller, this.audit);
			return response.transform(builder -> builder.extensions(reported.getExtensions()));
		});
	}

	/**
	 * The events of a subscription, one at a time, each with the fields withheld while
	 * resolving it: the next event is requested only once the previous one is resolved
	 * and reported, so withholdings never mix between events. Ends with UNAUTHORIZED when
	 * the token expires.
	 */
	@SuppressWarnings("unchecked")
	private Flux<ExecutionResult> events(Publisher<?> events, Caller caller, WithheldFields withheld,
			Duration remaining) {
		SubscriptionPublisherException expired = new SubscriptionPublisherException(
				List.of(GraphqlErrorBuilder.newError()
					.message("The access token expired; connect again with a new one")
					.errorType(ErrorType.UNAUTHORIZED)
					.build()),
				null);
		return Flux.from((Publisher<ExecutionResult>) events)
			.limitRate(1)
			.map(result -> withheld.drain().report(result, caller, this.audit))
			.mergeWith(Mono.delay(remaining).then(Mono.error(expired)));
	}

}
