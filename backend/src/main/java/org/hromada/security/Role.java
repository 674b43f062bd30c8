package org.hromada.security;

import java.util.Locale;
import java.util.Optional;

/** A Keycloak realm role, as it appears in realm_access.roles (lower case). */
public enum Role {

	VOLUNTEER, COORDINATOR, PARTNER, ADMIN;

	/** The Spring Security authority for this role. */
	public String authority() {
		return "ROLE_" + name();
	}

	static Optional<Role> fromRealmRole(String realmRole) {
		for (Role role : values()) {
			if (role.name().toLowerCase(Locale.ROOT).equals(realmRole)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
