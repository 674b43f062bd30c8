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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real Keycloak of the end-to-end tests: the distribution the build unpacked, started
 * once per test JVM with the realm file of k8s/ (its data in memory, so every run starts
 * from the file), and stopped when the JVM ends. Tokens are obtained as clients obtain
 * them.
 */
public final class RealKeycloak {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final ObjectMapper JSON = new ObjectMapper();

	private static KeycloakServer server;

	private RealKeycloak() {
	}

	/**
	 * Keycloak runs from a working copy kept in the build's cache folder, so its one-time
	 * build step is paid once per machine.
	 */
	public static synchronized KeycloakServer server() {
		if (server == null) {
			Path distribution = Path.of(System.getProperty("hromada.test.keycloak-home"));
			Path workDir = distribution.resolveSibling(distribution.getFileName() + "-e2e");
			Path realm = Path.of(System.getProperty("hromada.test.realm-file"));
			server = KeycloakServer.start(distribution, workDir, realm, LoopbackPorts.free(2), false)
				.awaitReady(Duration.ofMinutes(4));
			KeycloakServer started = server;
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-keycloak"));
		}
		return server;
	}

	/**
	 * A Keycloak of the caller's own, for a test that stops it (a fault test), run from a
	 * working copy of its own per {@code use}; the caller closes it.
	 */
	public static KeycloakServer startOwn(String use) {
		Path distribution = Path.of(System.getProperty("hromada.test.keycloak-home"));
		Path workDir = distribution.resolveSibling(distribution.getFileName() + "-" + use);
		Path realm = Path.of(System.getProperty("hromada.test.realm-file"));
		return KeycloakServer.start(distribution, workDir, realm, LoopbackPorts.free(2), false)
			.awaitReady(Duration.ofMinutes(4));
	}

	public static String issuer() {
		return server().issuer();
	}

	/**
	 * The password grant of the dev-only client, as the local run's instructions do it.
	 */
	public static JsonNode login(String username, String password) {
		return login(server(), username, password);
	}

	/**
	 * The same password grant against a Keycloak of the caller's own ({@link #startOwn}).
	 */
	public static JsonNode login(KeycloakServer keycloak, String username, String password) {
		return post(keycloak.issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "password", "client_id",
				"hromada-dev", "username", username, "password", password, "scope", "openid"), null);
	}

	public static String accessToken(String username) {
		return login(username, "hromada-demo").path("access_token").asString();
	}

	/**
	 * Lets the web client at {@code origin} (a test server on a random port) sign in with
	 * hromada-web, as the realm file does for http://localhost:8080/app/: its /app/ as a
	 * redirect URI, and so (web origins "+") its origin for the token endpoint's CORS.
	 */
	public static void allowWebClientAt(String origin) {
		String admin = post(("http://localhost:" + server().port()) + "/realms/master/protocol/openid-connect/token",
				Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"),
				null)
			.path("access_token")
			.asString();
		String clients = ("http://localhost:" + server().port()) + "/admin/realms/hromada/clients";
		JsonNode found = get(clients + "?clientId=hromada-web", admin);
		ObjectNode client = (ObjectNode) found.get(0);
		ArrayNode redirects = (ArrayNode) client.get("redirectUris");
		String redirect = origin + "/app/*";
		for (JsonNode existing : redirects) {
			if (existing.asString().equals(redirect)) {
				return;
			}
		}
		redirects.add(redirect);
		send(HttpRequest.newBuilder(URI.create(clients + "/" + client.path("id").asString()))
			.header("Authorization", "Bearer " + admin)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(client.toString()))
			.build());
	}

	private static JsonNode get(String url, String bearer) {
		return JSON.readTree(
				send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer).build()));
	}

	private static JsonNode post(String url, Map<String, String> form, String bearer) {
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return JSON.readTree(send(request.build()));
	}

	private static String send(HttpRequest request) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(
						"Keycloak answered " + response.statusCode() + " to " + request.uri() + ": " + response.body());
			}
			return response.body();
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
