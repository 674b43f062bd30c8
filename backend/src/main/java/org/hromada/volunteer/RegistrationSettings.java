package org.hromada.volunteer;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How coordinators register volunteers (hromada.volunteer.registration.*).
 *
 * @param keycloakRealmUrl the realm's URL as the backend reaches it (by default the token
 * issuer)
 * @param clientId confidential client whose service account manages users
 * @param clientSecret its secret (HROMADA_KEYCLOAK_ADMIN_CLIENT_SECRET)
 * @param publicUrl the API's public URL, start of the setup links
 * @param setupLinkTtl how long a setup link works
 * @param emailKey secret key of the keyed hashes of registered emails
 * @param claimTimeout a registration still unfinished this long after it started (a
 * crash) may be started again
 */
@ConfigurationProperties("hromada.volunteer.registration")
record RegistrationSettings(URI keycloakRealmUrl, @DefaultValue("hromada-backend") String clientId, String clientSecret,
		@DefaultValue("http://localhost:8080") URI publicUrl, @DefaultValue("72h") Duration setupLinkTtl,
		String emailKey, @DefaultValue("10m") Duration claimTimeout) {

}
