package org.hromada.volunteer;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Keycloak's admin REST API as the volunteer registration needs it, called with the
 * service account of the confidential client (client-credentials grant), which holds only
 * realm-management's manage-users, view-users and query-users. The only realm role this
 * code ever grants is {@code volunteer}; the only attribute it sets is the communities
 * the registering coordinator serves. Emails and passwords are sent, never logged.
 */
@Component
class KeycloakAccounts {

	static final String VOLUNTEER_ROLE = "volunteer";

	private final RegistrationSettings settings;

	private final RestClient http;

	private final Clock clock;

	private String token;

	private Instant tokenExpires = Instant.EPOCH;

	KeycloakAccounts(RegistrationSettings settings, Clock clock) {
		this.settings = settings;
		this.http = RestClient.builder().build();
		this.clock = clock;
	}

	/** A new account's identity. */
	record NewAccount(String email, String firstName, String lastName, List<String> communities) {

	}

	/** Thrown when Keycloak already has an account with the email (HTTP 409). */
	static class AccountExists extends RuntimeException {

		AccountExists() {
			super("An account with this email exists", null, false, false);
		}

	}

	/**
	 * A failure of the admin API, told by status only: Spring's own exceptions name the
	 * request URL, which may hold an email, and must not reach the logs.
	 */
	static class KeycloakUnavailable extends RuntimeException {

		KeycloakUnavailable(String message) {
			super(message, null, false, false);
		}

	}

	/** Whether an account with exactly this email exists. */
	boolean existsWithEmail(String email) {
		return sanitized(() -> findByEmail(email));
	}

	private boolean findByEmail(String email) {
		List<Map<String, Object>> users = this.http.get()
			.uri(admin("/users?exact=true&briefRepresentation=true&email={email}"), email)
			.headers(headers -> headers.setBearerAuth(token()))
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		return users != null && !users.isEmpty();
	}

	/**
	 * Creates an enabled account with the volunteer role and the communities attribute;
	 * returns its id (the subject of its tokens).
	 */
	String create(NewAccount account) {
		return sanitized(() -> createAccount(account));
	}

	private String createAccount(NewAccount account) {
		Map<String, Object> user = Map.of("username", account.email(), "email", account.email(), "firstName",
				account.firstName(), "lastName", account.lastName(), "enabled", true, "emailVerified", true,
				"attributes", Map.of("communities", account.communities()));
		ResponseEntity<Void> created;
		try {
			created = this.http.post()
				.uri(admin("/users"))
				.headers(headers -> headers.setBearerAuth(token()))
				.contentType(MediaType.APPLICATION_JSON)
				.body(user)
				.retrieve()
				.toBodilessEntity();
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode() == HttpStatus.CONFLICT) {
				throw new AccountExists();
			}
			throw new KeycloakUnavailable("Keycloak refused to create the account: HTTP " + ex.getStatusCode().value());
		}
		URI location = created.getHeaders().getLocation();
		if (location == null) {
			throw new IllegalStateException("Keycloak created an account without saying its id");
		}
		String path = location.getPath();
		String id = path.substring(path.lastIndexOf('/') + 1);
		try {
			grantVolunteerRole(id);
		}
		catch (RuntimeException ex) {
			delete(id);
			throw ex;
		}
		return id;
	}

	/** Sets the account's password (not temporary). */
	void setPassword(String userId, String password) {
		sanitized(() -> this.http.put()
			.uri(admin("/users/{id}/reset-password"), userId)
			.headers(headers -> headers.setBearerAuth(token()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("type", "password", "value", password, "temporary", false))
			.retrieve()
			.toBodilessEntity());
	}

	private static <T> T sanitized(java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RestClientResponseException ex) {
			throw new KeycloakUnavailable("Keycloak's admin API answered HTTP " + ex.getStatusCode().value());
		}
		catch (RestClientException ex) {
			throw new KeycloakUnavailable(
					"Keycloak's admin API is not reachable (" + ex.getClass().getSimpleName() + ")");
		}
	}

	/** Removes an account this code created but could not complete. */
	void delete(String userId) {
		try {
			this.http.delete()
				.uri(admin("/users/{id}"), userId)
				.headers(headers -> headers.setBearerAuth(token()))
				.retrieve()
				.toBodilessEntity();
		}
		catch (RuntimeException ex) {
			// Left for an administrator: an account without the volunteer role grants
			// nothing.
		}
	}

	/**
	 * Maps the realm role volunteer, looked up among the roles this client may map to the
	 * user (so no view-realm right is needed).
	 */
	private void grantVolunteerRole(String userId) {
		List<Map<String, Object>> available = this.http.get()
			.uri(admin("/users/{id}/role-mappings/realm/available"), userId)
			.headers(headers -> headers.setBearerAuth(token()))
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		Map<String, Object> role = Optional.ofNullable(available)
			.orElse(List.of())
			.stream()
			.filter(candidate -> VOLUNTEER_ROLE.equals(candidate.get("name")))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The realm has no volunteer role this client may grant"));
		this.http.post()
			.uri(admin("/users/{id}/role-mappings/realm"), userId)
			.headers(headers -> headers.setBearerAuth(token()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(List.of(Map.of("id", role.get("id"), "name", VOLUNTEER_ROLE)))
			.retrieve()
			.toBodilessEntity();
	}

	private String admin(String path) {
		String realmUrl = this.settings.keycloakRealmUrl().toString();
		return realmUrl.replaceFirst("/realms/", "/admin/realms/") + path;
	}

	/** The service account's access token, fetched again shortly before it expires. */
	private synchronized String token() {
		Instant now = this.clock.instant();
		if (this.token == null || now.isAfter(this.tokenExpires)) {
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("grant_type", "client_credentials");
			form.add("client_id", this.settings.clientId());
			form.add("client_secret", this.settings.clientSecret());
			Map<String, Object> response = this.http.post()
				.uri(this.settings.keycloakRealmUrl() + "/protocol/openid-connect/token")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.body(new ParameterizedTypeReference<>() {
				});
			if (response == null || !(response.get("access_token") instanceof String accessToken)) {
				throw new IllegalStateException("Keycloak issued no token to the registration client");
			}
			long expiresIn = (response.get("expires_in") instanceof Number seconds) ? seconds.longValue() : 60;
			this.token = accessToken;
			this.tokenExpires = now.plusSeconds(Math.max(0, expiresIn - 30));
		}
		return this.token;
	}

}
