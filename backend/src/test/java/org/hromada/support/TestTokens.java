package org.hromada.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the Keycloak realm in integration tests: it holds an RSA key, publishes
 * it as a JWK set over HTTP on loopback (the API fetches it exactly as it fetches
 * Keycloak's), and signs access tokens shaped like Keycloak's. The end-to-end tests use
 * the real Keycloak instead.
 */
public final class TestTokens {

	private static final TestTokens INSTANCE = new TestTokens();

	private final RSAKey key;

	private final RSAKey strangerKey;

	private final HttpServer server;

	private TestTokens() {
		try {
			this.key = new RSAKeyGenerator(2048).keyID("test-realm-key").generate();
			this.strangerKey = new RSAKeyGenerator(2048).keyID("test-realm-key").generate();
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			byte[] jwks = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			this.server.createContext("/realms/hromada/protocol/openid-connect/certs", exchange -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, jwks.length);
				exchange.getResponseBody().write(jwks);
				exchange.close();
			});
			this.server.start();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Requests to the JWK set endpoint since {@link #countJwksRequests()} was first
	 * called.
	 */
	private static final AtomicInteger JWKS_REQUESTS = new AtomicInteger();

	private static final AtomicBoolean JWKS_COUNTED = new AtomicBoolean();

	/** Whether the JWK set endpoint is down ({@link #stopJwks()}). */
	private static volatile boolean jwksDown;

	/**
	 * The number of requests the JWK set endpoint has received since this method was
	 * first called, including the ones it dropped while stopped. Tests compare two
	 * readings.
	 */
	public static int countJwksRequests() {
		countedJwksEndpoint();
		return JWKS_REQUESTS.get();
	}

	/**
	 * Takes the JWK set endpoint down, as a Keycloak that crashed: every request to it is
	 * dropped without an answer (the client gets an I/O error). Tokens are still issued.
	 * Call {@link #startJwks()} in a finally block: the other integration tests need the
	 * endpoint.
	 */
	public static void stopJwks() {
		countedJwksEndpoint();
		jwksDown = true;
	}

	/** Brings the JWK set endpoint back on the same address, with the same key. */
	public static void startJwks() {
		countedJwksEndpoint();
		jwksDown = false;
	}

	/** Replaces the endpoint, once, by one that counts requests and can be down. */
	private static synchronized void countedJwksEndpoint() {
		if (JWKS_COUNTED.get()) {
			return;
		}
		String path = java.net.URI.create(jwkSetUri()).getPath();
		byte[] jwks = new JWKSet(INSTANCE.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		INSTANCE.server.removeContext(path);
		INSTANCE.server.createContext(path, exchange -> {
			JWKS_REQUESTS.incrementAndGet();
			if (jwksDown) {
				// Closing the exchange before any response closes the connection
				// unanswered.
				exchange.close();
				return;
			}
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			exchange.getResponseBody().write(jwks);
			exchange.close();
		});
		JWKS_COUNTED.set(true);
	}

	public static String issuer() {
		return "http://localhost:" + INSTANCE.server.getAddress().getPort() + "/realms/hromada";
	}

	public static String jwkSetUri() {
		return issuer() + "/protocol/openid-connect/certs";
	}

	/** A valid access token of the user, as Keycloak would issue it. */
	public static String accessToken(TestUser user) {
		return accessToken(user, claims -> {
		});
	}

	/** An access token of the user with changed claims (expired, other audience, ...). */
	public static String accessToken(TestUser user, Consumer<JWTClaimsSet.Builder> changes) {
		JWTClaimsSet.Builder claims = keycloakClaims(user);
		changes.accept(claims);
		return sign(claims.build(), INSTANCE.key);
	}

	/** A well-formed token signed by a key the realm never had. */
	public static String accessTokenSignedByStranger(TestUser user) {
		return sign(keycloakClaims(user).build(), INSTANCE.strangerKey);
	}

	/** An unsigned token (alg: none) with the user's claims. */
	public static String unsignedAccessToken(TestUser user) {
		return new com.nimbusds.jwt.PlainJWT(keycloakClaims(user).build()).serialize();
	}

	/**
	 * A validly signed token of the user whose payload was then swapped for one claiming
	 * the admin role, keeping the original signature.
	 */
	public static String tamperedAccessToken(TestUser user) {
		String[] parts = accessToken(user).split("\\.");
		JWTClaimsSet forged = keycloakClaims(user).claim("realm_access", Map.of("roles", List.of("admin"))).build();
		String payload = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(forged.toString().getBytes(StandardCharsets.UTF_8));
		return parts[0] + "." + payload + "." + parts[2];
	}

	private static JWTClaimsSet.Builder keycloakClaims(TestUser user) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer())
			.subject(user.subject())
			.audience(List.of("hromada-api", "account"))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.jwtID(UUID.randomUUID().toString())
			.claim("typ", "Bearer")
			.claim("azp", "hromada-dev")
			.claim("preferred_username", user.username())
			.claim("name", "Test " + user.username())
			.claim("realm_access",
					Map.of("roles", List.of(user.realmRole(), "default-roles-hromada", "offline_access")));
		if (!user.communities().isEmpty()) {
			claims.claim("communities", user.communities());
		}
		if (user.organization() != null) {
			claims.claim("organization", user.organization());
		}
		return claims;
	}

	private static String sign(JWTClaimsSet claims, RSAKey key) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
