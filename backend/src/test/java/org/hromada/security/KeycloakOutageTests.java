package org.hromada.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Keycloak down: tokens keep being checked against the realm keys held in memory
 * (JwkSetCache), the keys are not fetched per request, a key rotation is picked up, and a
 * token signed by an unknown key is still refused.
 */
class KeycloakOutageTests extends IntegrationTest {

	private static final String ME = "{ me { username } }";

	private static final TokenProperties.Keys DEFAULT_KEYS = new TokenProperties.Keys(null, null, null, null, null);

	/** The running application, with the realm of TestTokens. */
	@Test
	void tokensKeepWorkingWhileTheKeySetEndpointIsDownAndKeysAreNotFetchedPerRequest() throws Exception {
		String token = TestTokens.accessToken(TestUser.ADMIN);
		assertMe(token, "admin");
		int fetches = TestTokens.countJwksRequests();
		int requests = 0;
		for (int i = 0; i < 4; i++) {
			for (TestUser user : TestUser.values()) {
				assertMe(TestTokens.accessToken(user), user.username());
				requests++;
			}
		}
		// At most one: the cache TTL (5 min) may happen to end during these requests.
		assertThat(TestTokens.countJwksRequests() - fetches).as("JWK set fetches for %d requests", requests)
			.isLessThanOrEqualTo(1);
		System.out.printf("KeycloakOutageTests: %d JWK set fetch(es) for %d requests with a valid token%n",
				TestTokens.countJwksRequests() - fetches, requests);

		RSAKey unknownKey = new RSAKeyGenerator(2048).keyID("rotated-" + UUID.randomUUID()).generate();
		TestTokens.stopJwks();
		try {
			// A key id the cache does not have makes the application try the endpoint,
			// which is down (at
			// once, or within the minimum refresh interval of 10 s if the keys were
			// fetched just before).
			int beforeOutage = TestTokens.countJwksRequests();
			long started = System.nanoTime();
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
				long request = System.nanoTime();
				assertUnauthorized(token(unknownKey, TestUser.ADMIN));
				System.out.printf("KeycloakOutageTests: token with an unknown key id refused in %d ms while the JWK "
						+ "set endpoint is down%n", Duration.ofNanos(System.nanoTime() - request).toMillis());
				return TestTokens.countJwksRequests() > beforeOutage;
			});
			System.out.printf(
					"KeycloakOutageTests: the application tried the JWK set endpoint %d ms into the " + "outage%n",
					Duration.ofNanos(System.nanoTime() - started).toMillis());
			int attempts = TestTokens.countJwksRequests();

			// The token issued before and new ones signed by the same key still work.
			assertMe(token, "admin");
			assertMe(TestTokens.accessToken(TestUser.COORDINATOR_KYIV), "coordinator.kyiv");
			assertMe(TestTokens.accessToken(TestUser.ADMIN), "admin");

			// More unknown key ids within the minimum refresh interval: refused, without
			// another attempt.
			for (int i = 0; i < 5; i++) {
				assertUnauthorized(token(unknownKey, TestUser.VOLUNTEER_IRPIN));
			}
			assertThat(TestTokens.countJwksRequests()).as("fetch attempts, rate-limited").isEqualTo(attempts);
		}
		finally {
			TestTokens.startJwks();
		}
		assertMe(TestTokens.accessToken(TestUser.PARTNER_RELIEF), "partner.relief");
	}

	/**
	 * Past the cache TTL the keys are fetched again; while that fails they stay in use up
	 * to the outage tolerance, after which tokens are refused (not accepted on stale keys
	 * forever), and the keys come back when the endpoint does. The endpoint is the one of
	 * TestTokens; the time is a test clock.
	 */
	@Test
	void keysOutliveTheirCacheTimeWithinTheOutageToleranceAndComeBackAfterIt() throws Exception {
		MutableClock clock = new MutableClock();
		JwtDecoder decoder = decoder(new JwkSetCache(URI.create(TestTokens.jwkSetUri()).toURL(),
				new com.nimbusds.jose.util.DefaultResourceRetriever(1000, 2000), DEFAULT_KEYS, clock));
		String token = TestTokens.accessToken(TestUser.ADMIN);

		int fetches = TestTokens.countJwksRequests();
		assertThat(decoder.decode(token).getSubject()).isEqualTo(TestUser.ADMIN.subject());
		assertThat(TestTokens.countJwksRequests() - fetches).as("first use fetches").isEqualTo(1);
		clock.advance(Duration.ofMinutes(4));
		decoder.decode(TestTokens.accessToken(TestUser.VOLUNTEER_IRPIN));
		assertThat(TestTokens.countJwksRequests() - fetches).as("no fetch within the cache TTL").isEqualTo(1);
		clock.advance(Duration.ofMinutes(2));
		decoder.decode(token);
		assertThat(TestTokens.countJwksRequests() - fetches).as("fetch after the cache TTL").isEqualTo(2);

		TestTokens.stopJwks();
		try {
			clock.advance(Duration.ofMinutes(6));
			int before = TestTokens.countJwksRequests();
			assertThat(decoder.decode(token).getSubject()).isEqualTo(TestUser.ADMIN.subject());
			assertThat(TestTokens.countJwksRequests()).as("fetch attempted past the cache TTL").isGreaterThan(before);
			before = TestTokens.countJwksRequests();
			clock.advance(Duration.ofSeconds(5));
			decoder.decode(TestTokens.accessToken(TestUser.COORDINATOR_KHARKIV));
			assertThat(TestTokens.countJwksRequests()).as("no retry within the minimum refresh interval")
				.isEqualTo(before);
			clock.advance(Duration.ofSeconds(10));
			decoder.decode(token);
			assertThat(TestTokens.countJwksRequests()).as("retried after the minimum refresh interval")
				.isGreaterThan(before);

			// One hour after the last successful fetch (at 6 min) the keys are no longer
			// trusted.
			clock.advance(Duration.ofMinutes(55));
			assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class)
				.isNotInstanceOf(BadJwtException.class)
				.hasMessageContaining("signing keys are not available");
		}
		finally {
			TestTokens.startJwks();
		}
		clock.advance(Duration.ofSeconds(1));
		assertThat(decoder.decode(token).getSubject()).isEqualTo(TestUser.ADMIN.subject());
	}

	/**
	 * A rotated key is found by one fetch; fetches caused by unknown key ids are
	 * rate-limited.
	 */
	@Test
	void aNewKeyOfTheRealmIsFetchedAtOnceButAtMostOncePerInterval() throws Exception {
		RSAKey oldKey = new RSAKeyGenerator(2048).keyID("old").generate();
		RSAKey newKey = new RSAKeyGenerator(2048).keyID("new").generate();
		AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(oldKey.toPublicJWK()));
		AtomicInteger fetches = new AtomicInteger();
		ResourceRetriever realm = url -> {
			fetches.incrementAndGet();
			return new Resource(published.get().toString(), "application/json");
		};
		MutableClock clock = new MutableClock();
		JwtDecoder decoder = decoder(
				new JwkSetCache(URI.create("http://realm.invalid/certs").toURL(), realm, DEFAULT_KEYS, clock));

		decoder.decode(token(oldKey, TestUser.ADMIN));
		assertThat(fetches).hasValue(1);
		// An unknown key id just after a fetch: refused without fetching again.
		assertThatThrownBy(() -> decoder.decode(token(newKey, TestUser.ADMIN))).isInstanceOf(BadJwtException.class);
		assertThat(fetches).hasValue(1);
		// Later: one fetch, but the key is not published yet, so refused.
		clock.advance(Duration.ofSeconds(11));
		assertThatThrownBy(() -> decoder.decode(token(newKey, TestUser.ADMIN))).isInstanceOf(BadJwtException.class);
		assertThat(fetches).hasValue(2);
		published.set(new JWKSet(List.of(newKey.toPublicJWK(), oldKey.toPublicJWK())));
		// Within 10 s of the last fetch: still refused, no fetch (forged key ids cannot
		// flood Keycloak).
		for (int i = 0; i < 20; i++) {
			assertThatThrownBy(() -> decoder.decode(token(newKey, TestUser.ADMIN))).isInstanceOf(BadJwtException.class);
		}
		assertThat(fetches).hasValue(2);
		clock.advance(Duration.ofSeconds(10));
		assertThat(decoder.decode(token(newKey, TestUser.ADMIN)).getSubject()).isEqualTo(TestUser.ADMIN.subject());
		assertThat(decoder.decode(token(oldKey, TestUser.ADMIN)).getSubject()).isEqualTo(TestUser.ADMIN.subject());
		assertThat(fetches).hasValue(3);
	}

	private void assertMe(String token, String username) {
		withToken(token).document(ME).execute().path("me.username").entity(String.class).isEqualTo(username);
	}

	private void assertUnauthorized(String token) {
		http().mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.defaultHeaders(headers -> headers.setBearerAuth(token))
			.build()
			.post()
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"" + ME + "\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED)
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("UNAUTHORIZED");
	}

	private static JwtDecoder decoder(JwkSetCache keys) {
		return NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
	}

	/** An access token shaped like the realm's, signed by the given key. */
	private static String token(RSAKey key, TestUser user) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TestTokens.issuer())
			.subject(user.subject())
			.audience(List.of("hromada-api"))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.jwtID(UUID.randomUUID().toString())
			.claim("typ", "Bearer")
			.claim("preferred_username", user.username())
			.claim("realm_access", Map.of("roles", List.of(user.realmRole())))
			.build();
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

	/** A clock the test moves by hand; starts now. */
	private static final class MutableClock extends Clock {

		private volatile Instant now = Instant.now();

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
