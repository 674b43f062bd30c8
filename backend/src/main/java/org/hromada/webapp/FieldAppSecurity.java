package org.hromada.webapp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The web client's files are public (they hold no data; every call they make to /graphql
 * carries the signed-in user's token), and are served under a strict Content Security
 * Policy: scripts only from this origin plus the one inline import map, by its hash;
 * connections only to this origin and the realm. This chain comes before the API's, which
 * keeps denying everything it does not name.
 */
@Configuration(proxyBeanMethods = false)
class FieldAppSecurity {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain fieldAppFiles(HttpSecurity http, FieldAppPolicy policy) throws Exception {
		http.securityMatcher("/app", "/app/**", "/webjars/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(policy.contentSecurityPolicy()))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.permissionsPolicyHeader(
						permissions -> permissions.policy("geolocation=(self), camera=(), microphone=()")));
		return http.build();
	}

}
