package org.hromada.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.hromada.local.KeycloakServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The real Keycloak of the tests that need one: the distribution the build unpacked,
 * started with the dev realm file of k8s/, and tokens obtained as a client would, from
 * the dev-only client's password grant.
 */
public final class TestKeycloak {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final ObjectMapper JSON = new ObjectMapper();

	private TestKeycloak() {
	}

	/**
	 * Keycloak runs from a working copy beside the distribution (one per {@code use}, so
	 * its one-time build step is paid once per machine and use); its data lives in
	 * memory, so every run starts from the realm file.
	 */
	public static KeycloakServer start(String use) {
		Path distribution = Path.of(System.getProperty("hromada.test.keycloak-home"));
		Path workDir = distribution.resolveSibling(distribution.getFileName() + "-" + use);
		Path realm = Path.of(System.getProperty("hromada.test.realm-file"));
		return KeycloakServer.start(distribution, workDir, realm, LoopbackPorts.free(2), false)
			.awaitReady(Duration.ofMinutes(4));
	}

	/** The token response of the dev-only client's password grant (scope openid). */
	public static JsonNode login(KeycloakServer keycloak, String username, String password) {
		Map<String, String> form = Map.of("grant_type", "password", "client_id", "hromada-dev", "username", username,
				"password", password, "scope", "openid");
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Keycloak refused the login of " + username + ": " + response.body());
			}
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
