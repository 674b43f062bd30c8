package org.hromada.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks on the Keycloak realm files: the production realm is safe, and it is the base
 * (dev) realm with exactly the production changes, so the two files cannot drift apart
 * unnoticed.
 */
final class RealmChecks {

	static final String DEV_CLIENT = "hromada-dev";

	static final String WEB_CLIENT = "hromada-web";

	static final String BACKEND_CLIENT = "hromada-backend";

	private RealmChecks() {
	}

	/**
	 * The production realm: no client with the password grant (direct access grants) or
	 * the implicit flow, no dev client, no users but service accounts, no credentials, no
	 * literal client secret (only an environment placeholder such as
	 * {@code ${HROMADA_BACKEND_CLIENT_SECRET}}), and https redirect URIs off localhost.
	 */
	static List<String> production(JsonNode realm) {
		List<String> violations = new ArrayList<>();
		for (JsonNode client : realm.path("clients").values()) {
			String clientId = client.path("clientId").asString();
			if (DEV_CLIENT.equals(clientId)) {
				violations.add("client " + clientId + " is dev only");
			}
			if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
				violations.add("client " + clientId + " has directAccessGrantsEnabled=true (password grant)");
			}
			if (client.path("implicitFlowEnabled").asBoolean(false)) {
				violations.add("client " + clientId + " has implicitFlowEnabled=true");
			}
			if (client.has("secret") && !client.path("secret").asString().matches("\\$\\{[A-Z0-9_]+}")) {
				violations.add("client " + clientId + " has a literal secret; use an environment placeholder ${...}");
			}
			for (JsonNode uri : client.path("redirectUris").values()) {
				String value = uri.asString();
				if (!value.startsWith("https://") || value.contains("localhost") || value.contains("127.0.0.1")) {
					violations.add("client " + clientId + " has a non-production redirect URI " + value);
				}
			}
		}
		for (JsonNode user : realm.path("users").values()) {
			String username = user.path("username").asString();
			if (!user.hasNonNull("serviceAccountClientId")) {
				violations.add("user " + username + " is not a service account (demo user?)");
			}
			if (user.has("credentials")) {
				violations.add("user " + username + " has credentials");
			}
		}
		return violations;
	}

	/**
	 * The production realm equals the base realm without the dev client and the demo
	 * users, with the redirect URIs of {@value #WEB_CLIENT} and the secret of
	 * {@value #BACKEND_CLIENT} taken from the production file. Any other difference is
	 * reported (path by path): change both files, or this list of allowed differences.
	 */
	static List<String> derivedFrom(JsonNode base, JsonNode production) {
		ObjectNode expected = (ObjectNode) base.deepCopy();
		ArrayNode clients = (ArrayNode) expected.path("clients");
		clients.removeIf((client) -> DEV_CLIENT.equals(client.path("clientId").asString()));
		for (JsonNode client : clients.values()) {
			String clientId = client.path("clientId").asString();
			JsonNode productionClient = client(production, clientId);
			if (productionClient == null) {
				continue;
			}
			if (WEB_CLIENT.equals(clientId) && productionClient.has("redirectUris")) {
				((ObjectNode) client).set("redirectUris", productionClient.get("redirectUris"));
			}
			if (BACKEND_CLIENT.equals(clientId) && productionClient.has("secret")) {
				((ObjectNode) client).set("secret", productionClient.get("secret"));
			}
		}
		((ArrayNode) expected.path("users")).removeIf((user) -> !user.hasNonNull("serviceAccountClientId"));
		List<String> differences = new ArrayList<>();
		diff("$", expected, production, differences);
		return differences.stream().map((d) -> "production realm differs from the base realm: " + d).toList();
	}

	private static JsonNode client(JsonNode realm, String clientId) {
		for (JsonNode client : realm.path("clients").values()) {
			if (clientId.equals(client.path("clientId").asString())) {
				return client;
			}
		}
		return null;
	}

	private static void diff(String path, JsonNode expected, JsonNode actual, List<String> differences) {
		if (differences.size() >= 20 || expected.equals(actual)) {
			return;
		}
		if (expected.isObject() && actual.isObject()) {
			Set<String> names = new TreeSet<>(expected.propertyNames());
			names.addAll(actual.propertyNames());
			for (String name : names) {
				if (!expected.has(name)) {
					differences.add(path + "." + name + " is only in the production realm");
				}
				else if (!actual.has(name)) {
					differences.add(path + "." + name + " is missing from the production realm");
				}
				else {
					diff(path + "." + name, expected.get(name), actual.get(name), differences);
				}
			}
		}
		else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
			for (int i = 0; i < expected.size(); i++) {
				diff(path + "[" + label(expected.get(i), i) + "]", expected.get(i), actual.get(i), differences);
			}
		}
		else if (expected.isArray() && actual.isArray()) {
			List<String> expectedLabels = labels(expected);
			List<String> actualLabels = labels(actual);
			actualLabels.stream()
				.filter((l) -> !expectedLabels.contains(l))
				.forEach((l) -> differences.add(path + "[" + l + "] is only in the production realm"));
			expectedLabels.stream()
				.filter((l) -> !actualLabels.contains(l))
				.forEach((l) -> differences.add(path + "[" + l + "] is missing from the production realm"));
			if (expectedLabels.containsAll(actualLabels) && actualLabels.containsAll(expectedLabels)) {
				differences.add(path + ": expected " + abbreviate(expected) + " but was " + abbreviate(actual));
			}
		}
		else {
			differences.add(path + ": expected " + abbreviate(expected) + " but was " + abbreviate(actual));
		}
	}

	private static String label(JsonNode element, int index) {
		for (String key : List.of("clientId", "username", "name")) {
			if (element.has(key)) {
				return key + "=" + element.get(key).asString();
			}
		}
		return String.valueOf(index);
	}

	private static List<String> labels(JsonNode array) {
		List<String> labels = new ArrayList<>();
		for (int i = 0; i < array.size(); i++) {
			labels.add(label(array.get(i), i));
		}
		return labels;
	}

	private static String abbreviate(JsonNode node) {
		String text = node.toString();
		return (text.length() > 120) ? text.substring(0, 117) + "..." : text;
	}

}
