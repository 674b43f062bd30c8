package org.hromada.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How access tokens are checked.
 *
 * @param issuer the exact iss of the Keycloak realm, as clients see it
 * @param jwkSetUri where the realm's public keys are fetched (may be an in-cluster address)
 * @param audience the aud every access token must contain
 * @param clockSkew tolerance on exp and nbf
 */
@ConfigurationProperties("hromada.security.token")
public record TokenProperties(URI issuer, URI jwkSetUri, String audience, Duration clockSkew) {

	public TokenProperties {
		audience = (audience == null) ? "hromada-api" : audience;
		clockSkew = (clockSkew == null) ? Duration.ofSeconds(30) : clockSkew;
		if ((jwkSetUri == null || jwkSetUri.toString().isBlank()) && issuer != null) {
			jwkSetUri = URI.create(issuer + "/protocol/openid-connect/certs");
		}
	}

}
