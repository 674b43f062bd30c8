package org.hromada.security;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTests extends IntegrationTest {

	private static final String ME = "{ me { id username name roles communities organization } }";

	@Test
	void meDescribesTheCallerFromTheToken() {
		as(TestUser.COORDINATOR_KYIV).document(ME)
			.execute()
			.path("me.id")
			.entity(String.class)
			.isEqualTo(TestUser.COORDINATOR_KYIV.subject())
			.path("me.username")
			.entity(String.class)
			.isEqualTo("coordinator.kyiv")
			.path("me.roles")
			.entityList(String.class)
			.containsExactly("COORDINATOR")
			.path("me.communities")
			.entityList(String.class)
			.containsExactly("UA3214003", "UA3214007")
			.path("me.organization")
			.valueIsNull();
	}

	@Test
	void partnerSeesTheirOrganization() {
		as(TestUser.PARTNER_RELIEF).document(ME)
			.execute()
			.path("me.roles")
			.entityList(String.class)
			.containsExactly("PARTNER")
			.path("me.organization")
			.entity(String.class)
			.isEqualTo("sample-relief")
			.path("me.communities")
			.entityList(String.class)
			.hasSize(0);
	}

	@Test
	void requestWithoutTokenIsUnauthorizedWithGraphQlErrorBody() {
		assertUnauthorized(null, "Authentication required");
	}

	@Test
	void malformedTokenIsUnauthorized() {
		assertUnauthorized("not-a-jwt", "rejected");
	}

	@Test
	void tokenForAnotherAudienceIsUnauthorized() {
		assertUnauthorized(TestTokens.accessToken(TestUser.ADMIN, claims -> claims.audience(List.of("account"))),
				"rejected");
	}

	@Test
	void expiredTokenIsUnauthorized() {
		Instant past = Instant.now().minusSeconds(600);
		assertUnauthorized(
				TestTokens.accessToken(TestUser.ADMIN,
						claims -> claims.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300)))),
				"rejected");
	}

	@Test
	void tokenFromAnotherIssuerIsUnauthorized() {
		assertUnauthorized(
				TestTokens.accessToken(TestUser.ADMIN, claims -> claims.issuer("http://localhost:1/realms/other")),
				"rejected");
	}

	@Test
	void idTokenUsedAsAccessTokenIsUnauthorized() {
		assertUnauthorized(TestTokens.accessToken(TestUser.ADMIN, claims -> claims.claim("typ", "ID")), "rejected");
	}

	@Test
	void tokenSignedByAnUnknownKeyIsUnauthorized() {
		assertUnauthorized(TestTokens.accessTokenSignedByStranger(TestUser.ADMIN), "rejected");
	}

	@Test
	void tokenNotYetValidIsUnauthorized() {
		assertUnauthorized(TestTokens.accessToken(TestUser.ADMIN,
				claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(120)))), "rejected");
	}

	@Test
	void unsignedTokenIsUnauthorized() {
		assertUnauthorized(TestTokens.unsignedAccessToken(TestUser.ADMIN), "rejected");
	}

	@Test
	void tamperedPayloadIsUnauthorized() {
		assertUnauthorized(TestTokens.tamperedAccessToken(TestUser.VOLUNTEER_IRPIN), "rejected");
	}

	@Test
	void tokenWithoutExpiryIsUnauthorized() {
		assertUnauthorized(TestTokens.accessToken(TestUser.ADMIN, claims -> claims.expirationTime(null)), "rejected");
	}

	@Test
	void clockSkewIsToleratedUpToThirtySecondsOnly() {
		Instant now = Instant.now();
		withToken(TestTokens.accessToken(TestUser.ADMIN,
				claims -> claims.issueTime(Date.from(now.minusSeconds(320)))
					.expirationTime(Date.from(now.minusSeconds(20)))))
			.document(ME)
			.execute()
			.path("me.username")
			.entity(String.class)
			.isEqualTo("admin");
		assertUnauthorized(
				TestTokens.accessToken(TestUser.ADMIN, claims -> claims.issueTime(Date.from(now.minusSeconds(340)))
					.expirationTime(Date.from(now.minusSeconds(40)))),
				"rejected");
	}

	@Test
	void rolesComeOnlyFromTheRealmsSignedRoleClaim() {
		withToken(TestTokens.accessToken(TestUser.VOLUNTEER_IRPIN, claims -> claims.claim("roles", List.of("admin"))
			.claim("resource_access", java.util.Map.of("hromada-api", java.util.Map.of("roles", List.of("admin"))))))
			.document(ME)
			.execute()
			.path("me.roles")
			.entityList(String.class)
			.containsExactly("VOLUNTEER");
	}

	private void assertUnauthorized(String token, String messagePart) {
		http().mutate().defaultHeaders(headers -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		})
			.build()
			.post()
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"" + ME + "\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED)
			.expectHeader()
			.exists("WWW-Authenticate")
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("UNAUTHORIZED")
			.jsonPath("$.errors[0].message")
			.value(String.class, message -> assertThat(message).contains(messagePart));
	}

}
