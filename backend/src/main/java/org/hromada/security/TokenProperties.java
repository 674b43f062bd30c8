package org.hromada.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How access tokens are checked.
 *
 * @param issuer the exact iss of the Keycloak realm, as clients see it
 * @param jwkSetUri where the realm's public keys are fetched (may be an in-cluster
 * address)
 * @param audience the aud every access token must contain
 * @param clockSkew tolerance on exp and nbf
 * @param keys how the realm's public keys are cached (defaults in {@link Keys})
 */
@ConfigurationProperties("hromada.security.token")
public record TokenProperties(URI issuer, URI jwkSetUri, String audience, Duration clockSkew, Keys keys) {

	public TokenProperties {
		audience = (audience == null) ? "hromada-api" : audience;
		clockSkew = (clockSkew == null) ? Duration.ofSeconds(30) : clockSkew;
		if ((jwkSetUri == null || jwkSetUri.toString().isBlank()) && issuer != null) {
			jwkSetUri = URI.create(issuer + "/protocol/openid-connect/certs");
		}
		keys = (keys == null) ? new Keys(null, null, null, null, null) : keys;
	}

	/**
	 * The cache of the realm's public keys (see JwkSetCache): tokens are checked against
	 * keys in memory, fetched from jwk-set-uri at most once per {@code cacheTtl} in
	 * normal operation, so that a Keycloak outage does not stop the API from accepting
	 * the tokens Keycloak issued.
	 *
	 * @param cacheTtl how long fetched keys are used before they are fetched again;
	 * default 5 min
	 * @param outageTolerance how long after the last successful fetch the keys are still
	 * used while they cannot be fetched (Keycloak down or unreachable); default 1 h, far
	 * beyond the realm's access token lifespan (5 min), so tokens issued before an outage
	 * stay valid until they expire, and new tokens keep working while only the path from
	 * the API to Keycloak is broken. 0 stops using keys as soon as a fetch after
	 * {@code cacheTtl} fails
	 * @param minRefreshInterval shortest time between two fetches caused by a token whose
	 * key id is not in the cache (a key rotation, or forged tokens that must not make the
	 * API flood Keycloak), and between retries while fetches fail; default 10 s
	 * @param connectTimeout longest wait to connect to jwk-set-uri; default 1 s
	 * @param readTimeout longest wait for the key set once connected; default 2 s
	 */
	public record Keys(Duration cacheTtl, Duration outageTolerance, Duration minRefreshInterval,
			Duration connectTimeout, Duration readTimeout) {

		public Keys {
			cacheTtl = positive("cache-ttl", cacheTtl, Duration.ofMinutes(5));
			outageTolerance = (outageTolerance == null) ? Duration.ofHours(1) : outageTolerance;
			if (outageTolerance.isNegative()) {
				throw new IllegalArgumentException(
						"hromada.security.token.keys.outage-tolerance must not be negative but was " + outageTolerance);
			}
			minRefreshInterval = positive("min-refresh-interval", minRefreshInterval, Duration.ofSeconds(10));
			connectTimeout = positive("connect-timeout", connectTimeout, Duration.ofSeconds(1));
			readTimeout = positive("read-timeout", readTimeout, Duration.ofSeconds(2));
		}

		private static Duration positive(String name, Duration value, Duration defaultValue) {
			if (value == null) {
				return defaultValue;
			}
			if (value.compareTo(Duration.ofMillis(1)) < 0
					|| value.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
				throw new IllegalArgumentException("hromada.security.token.keys." + name
						+ " must be at least 1 ms and at most 24 days but was " + value);
			}
			return value;
		}

	}

}
