package org.hromada.security;

import java.net.MalformedURLException;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API is a stateless OAuth2 resource server for the Keycloak realm: Spring Security
 * checks each access token's signature against the realm's published keys, its issuer,
 * expiry (with bounded clock skew), audience and type; roles come only from the token's
 * signed realm_access.roles. Keycloak's own Spring adapters are deprecated and not used.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(TokenProperties.class)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, GraphQlAuthenticationEntryPoint entryPoint) throws Exception {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(KeycloakTokens::authorities);
		converter.setPrincipalClaimName("sub");
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests
				// Error pages of requests already let through (bodies without stack
				// traces or messages).
				.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				// GraphiQL is a static page (enabled in the local run only); its calls to
				// /graphql carry a token.
				.requestMatchers("/graphiql", "/graphiql/**")
				.permitAll()
				// The page behind a volunteer's one-time setup link: the link's secret
				// token is its authorisation.
				.requestMatchers("/account-setup")
				.permitAll()
				.requestMatchers("/graphql")
				.authenticated()
				// GraphQL over WebSocket: the upgrade carries no token; it comes
				// in connection_init (WebSocketAuthentication).
				.requestMatchers(HttpMethod.GET, "/graphql-ws")
				.permitAll()
				// Downloads redeem a one-time ticket issued by a GraphQL query, where the
				// access rules apply; the ticket is bound to the caller's token subject.
				.requestMatchers(HttpMethod.GET, "/exports/3w.csv")
				.authenticated()
				.anyRequest()
				.denyAll())
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
				.authenticationEntryPoint(entryPoint))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint));
		return http.build();
	}

	/**
	 * Checks tokens against the realm's keys held in memory by {@link JwkSetCache}:
	 * fetched once per cache TTL, fetched again at once for an unknown key id
	 * (rate-limited), and kept through a Keycloak outage for the outage tolerance
	 * ({@link TokenProperties.Keys}).
	 */
	@Bean
	JwtDecoder jwtDecoder(TokenProperties token) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(realmKeys(token))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				List.of(new JwtTimestampValidator(token.clockSkew()), new JwtIssuerValidator(token.issuer().toString()),
						requiredClaims(), audience(token.audience()), accessTokenType())));
		return decoder;
	}

	private static JwkSetCache realmKeys(TokenProperties token) {
		try {
			return new JwkSetCache(token.jwkSetUri().toURL(), token.keys());
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new IllegalStateException("hromada.security.token.jwk-set-uri is not a URL: " + token.jwkSetUri(),
					ex);
		}
	}

	/** A token without an expiry or a subject is not one Keycloak issues for a user. */
	private static OAuth2TokenValidator<Jwt> requiredClaims() {
		return jwt -> (jwt.getExpiresAt() != null && jwt.getSubject() != null) ? OAuth2TokenValidatorResult.success()
				: failure("The token lacks exp or sub");
	}

	private static OAuth2TokenValidator<Jwt> audience(String audience) {
		return jwt -> (jwt.getAudience() != null && jwt.getAudience().contains(audience))
				? OAuth2TokenValidatorResult.success() : failure("The token is not meant for this API");
	}

	/**
	 * Keycloak marks access tokens typ=Bearer and ID tokens typ=ID; an ID token must
	 * never be accepted in place of an access token.
	 */
	private static OAuth2TokenValidator<Jwt> accessTokenType() {
		return jwt -> "Bearer".equals(jwt.getClaimAsString("typ")) ? OAuth2TokenValidatorResult.success()
				: failure("The token is not an access token");
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
	}

}
