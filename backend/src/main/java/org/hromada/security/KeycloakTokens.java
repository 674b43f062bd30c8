package org.hromada.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads Hromada's view of the caller out of a Keycloak access token: realm roles from
 * realm_access.roles, community P-codes from the communities claim and the organisation
 * key from the organization claim (both mapped from user attributes by the realm's client
 * mappers).
 */
final class KeycloakTokens {

	private KeycloakTokens() {
	}

	static Caller caller(Jwt jwt) {
		return new Caller(jwt.getSubject(), stringClaim(jwt, "preferred_username", jwt.getSubject()),
				stringClaim(jwt, "name", null), roles(jwt), listClaim(jwt, "communities"),
				stringClaim(jwt, "organization", null));
	}

	static Collection<GrantedAuthority> authorities(Jwt jwt) {
		return roles(jwt).stream()
			.map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
	}

	static Set<Role> roles(Jwt jwt) {
		Object realmAccess = jwt.getClaims().get("realm_access");
		if (!(realmAccess instanceof Map<?, ?> access) || !(access.get("roles") instanceof Collection<?> roles)) {
			return Set.of();
		}
		Set<Role> result = EnumSet.noneOf(Role.class);
		for (Object role : roles) {
			Role.fromRealmRole(String.valueOf(role)).ifPresent(result::add);
		}
		return result;
	}

	private static List<String> listClaim(Jwt jwt, String name) {
		Object value = jwt.getClaims().get(name);
		if (value instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).distinct().sorted().collect(Collectors.toList());
		}
		return (value instanceof String single && !single.isBlank()) ? List.of(single) : List.of();
	}

	private static String stringClaim(Jwt jwt, String name, String fallback) {
		String value = jwt.getClaimAsString(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
