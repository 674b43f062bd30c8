package org.hromada.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who is calling, taken only from the signed access token.
 *
 * @param id Keycloak subject
 * @param username Keycloak username
 * @param name display name, may be null
 * @param roles realm roles known to Hromada
 * @param communities P-codes of the communities the caller serves
 * @param organization key of the caller's organisation (partners), may be null
 */
public record Caller(String id, String username, String name, Set<Role> roles, List<String> communities,
		String organization) {

	/**
	 * The actor recorded for changes the system makes by itself (imports at start-up,
	 * expiry).
	 */
	public static final Caller SYSTEM = new Caller("system", "system", "Hromada", Set.of(Role.ADMIN), List.of(), null);

	public Caller {
		roles = Set.copyOf(roles);
		communities = List.copyOf(communities);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean hasAny(Collection<Role> anyOf) {
		return anyOf.stream().anyMatch(this.roles::contains);
	}

	public boolean serves(String communityPcode) {
		return this.communities.contains(communityPcode);
	}

}
