package org.hromada.security;

import java.util.Optional;

import org.springframework.data.domain.AuditorAware;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Fills createdBy and updatedBy of documents with the Keycloak subject of the caller, or
 * "system" for changes the service makes by itself.
 */
@Component("auditor")
class Auditor implements AuditorAware<String> {

	@Override
	public Optional<String> getCurrentAuditor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
			return Optional.of(Caller.SYSTEM.id());
		}
		return Optional.of(authentication.getName());
	}

}
