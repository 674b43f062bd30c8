package org.hromada.webapp;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The field app's files are served without a token, under a strict Content Security
 * Policy, while the API behind them still requires one.
 */
class FieldAppServingTests extends IntegrationTest {

	private WebTestClient site() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void theAppIsServedWithoutATokenUnderAStrictPolicyThatAllowsOnlyItsImportMapInline() {
		String policy = site().get()
			.uri("/app/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("Content-Security-Policy");
		String realm = FieldAppPolicy.origin(java.net.URI.create(TestTokens.issuer()));
		assertThat(policy).contains("default-src 'self'")
			.contains("script-src 'self' 'sha256-" + FieldAppPolicy.importMapHash() + "';")
			.contains("connect-src 'self' " + realm + ";")
			.contains("frame-ancestors 'none'")
			.contains("object-src 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
	}

	@Test
	void theBrowserLibrariesComeFromWebJarsAsJavaScriptModules() {
		for (String library : new String[] { "/webjars/lit-html/lit-html.js", "/webjars/idb/build/index.js",
				"/webjars/graphql-ws/lib/client.mjs" }) {
			site().get()
				.uri(library)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith("text/javascript");
		}
		site().get()
			.uri("/app/manifest.webmanifest")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("application/manifest+json");
	}

	@Test
	void theAppsFilesGoCompressedToABrowserThatTakesGzip() {
		for (String file : new String[] { "/app/", "/app/main.js", "/app/app.css", "/webjars/lit-html/lit-html.js" }) {
			site().get()
				.uri(file)
				.header(HttpHeaders.ACCEPT_ENCODING, "gzip")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
	}

	@Test
	void theAppLearnsTheRealmAndItsPublicClientAndTheBatchLimit() {
		site().get()
			.uri("/app/config.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.issuer")
			.isEqualTo(TestTokens.issuer())
			.jsonPath("$.clientId")
			.isEqualTo("hromada-web")
			.jsonPath("$.maxBatchSize")
			.isEqualTo(100);
	}

	@Test
	void slashAppRedirectsToTheAppAndTheApiStillNeedsAToken() {
		site().get()
			.uri("/app")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.value(HttpHeaders.LOCATION, (location) -> assertThat(location).endsWith("/app/"));
		site().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ me { id } }\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		site().get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
	}

}
