package org.hromada.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hromada.HromadaApplication;
import org.hromada.local.KeycloakServer;
import org.hromada.support.TestKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end with the real Keycloak: the distribution the build unpacked, started with
 * the realm file of k8s/, and tokens obtained as a client would, from the dev-only
 * client's password grant.
 */
@SpringBootTest(classes = HromadaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KeycloakEndToEndTests {

	private static final KeycloakServer KEYCLOAK = TestKeycloak.start("e2e");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String DATABASE = "hromada-e2e-" + UUID.randomUUID().toString().substring(0, 8);

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	private org.hromada.community.SampleCommunities sampleCommunities;

	/** The communities of the realm's demo users exist (registrations name them). */
	@org.junit.jupiter.api.BeforeEach
	void loadSampleCommunities() {
		this.sampleCommunities.load();
	}

	@DynamicPropertySource
	static void keycloakRealm(DynamicPropertyRegistry registry) {
		registry.add("hromada.security.token.issuer", KEYCLOAK::issuer);
		// A database of its own per run, so runs against a shared MONGODB_URI never see
		// each other's data.
		registry.add("spring.mongodb.database", () -> DATABASE);
	}

	@AfterAll
	static void stopKeycloak() {
		KEYCLOAK.close();
	}

	@Test
	void coordinatorLogsInAndTheApiKnowsTheirRoleAndCommunities() {
		as(login("coordinator.kyiv").path("access_token").asString()).document("{ me { username roles communities } }")
			.execute()
			.path("me.username")
			.entity(String.class)
			.isEqualTo("coordinator.kyiv")
			.path("me.roles")
			.entityList(String.class)
			.containsExactly("COORDINATOR")
			.path("me.communities")
			.entityList(String.class)
			.containsExactly("UA3214003", "UA3214007");
	}

	@Test
	void adminCreatesACommunityThatACoordinatorThenLists() {
		String pcode = "UA98" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
		as(login("admin").path("access_token").asString())
			.document("mutation { createCommunity(input: { pcode: \"" + pcode
					+ "\", name: { uk: \"Тест\", en: \"E2E\" }, "
					+ "adm1: { pcode: \"UA32\", name: { uk: \"К\", en: \"K\" } }, adm2: { pcode: \"UA3214\", "
					+ "name: { uk: \"Б\", en: \"B\" } } }) { community { pcode } userErrors { message } } }")
			.execute()
			.path("createCommunity.community.pcode")
			.entity(String.class)
			.isEqualTo(pcode);

		as(login("coordinator.kharkiv").path("access_token").asString())
			.document("{ communities(filter: { nameContains: \"E2E\" }) { edges { node { pcode } } } }")
			.execute()
			.path("communities.edges[*].node.pcode")
			.entityList(String.class)
			.contains(pcode);
	}

	@Test
	void partnerTokenCarriesTheOrganization() {
		as(login("partner.relief").path("access_token").asString()).document("{ me { roles organization } }")
			.execute()
			.path("me.roles")
			.entityList(String.class)
			.containsExactly("PARTNER")
			.path("me.organization")
			.entity(String.class)
			.isEqualTo("sample-relief");
	}

	@Test
	void volunteerIsRefusedAnAdminOperation() {
		as(login("volunteer.irpin").path("access_token").asString())
			.document("mutation { importCommunities(input: { csv: \"x\" }) { created } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("FORBIDDEN"))
			.verify();
	}

	/**
	 * Each demo user, logged in through Keycloak, is admitted to one operation and
	 * refused another.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"coordinator.kyiv    | { aidRequests(first: 1) { edges { node { id } } } } | mutation { importCommunities(input: { csv: \"x\" }) { created } }",
			"coordinator.kharkiv | { activities(first: 1) { edges { node { id } } } } | mutation { createCommunity(input: { pcode: \"UA9900000\", name: { uk: \"x\", en: \"x\" }, adm1: { pcode: \"UA99\", name: { uk: \"x\", en: \"x\" } }, adm2: { pcode: \"UA9901\", name: { uk: \"x\", en: \"x\" } } }) { userErrors { code } } }",
			"volunteer.irpin     | { aidRequestsNear(point: { latitude: 50.5, longitude: 30.2 }, radiusKm: 5) { distanceKm } } | mutation { markDuplicate(input: { id: \"x\", version: 0, duplicateOf: \"y\" }) { userErrors { code } } }",
			"volunteer.kharkiv   | { me { id } } | mutation { triageAidRequest(input: { id: \"x\", version: 0 }) { userErrors { code } } }",
			"partner.relief      | { aidRequests(first: 1) { edges { node { id } } } } | mutation { logAidRequest(input: { clientRequestId: \"e2e\", communityPcode: \"UA3214007\", sector: WASH, title: \"t\", peopleAffected: { total: 1 }, urgency: SOON }) { created } }",
			"admin               | { activities(first: 1) { edges { node { id } } } } | " })
	void eachDemoUserIsAdmittedToOneOperationAndRefusedAnother(String username, String allowed, String refused) {
		HttpGraphQlTester user = as(login(username).path("access_token").asString());
		user.document(allowed).execute().errors().satisfy(errors -> assertThat(errors).isEmpty());
		if (refused != null) {
			user.document(refused)
				.execute()
				.errors()
				.expect(error -> error.getErrorType().toString().equals("FORBIDDEN"))
				.verify();
		}
	}

	@Test
	void idTokenIsNotAcceptedAsAnAccessToken() {
		String idToken = login("admin").path("id_token").asString();
		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port + "/graphql")
			.build()
			.post()
			.headers(headers -> headers.setBearerAuth(idToken))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ me { id } }\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void coordinatorRegistersAVolunteerWhoSetsAPasswordThroughTheLinkAndLogsInWithTheRoleAndCommunity()
			throws Exception {
		HttpGraphQlTester coordinator = as(login("coordinator.kyiv").path("access_token").asString());
		String email = "e2e-" + UUID.randomUUID() + "@example.org";
		String link = register(coordinator, email, "UA3214007").path("registerVolunteer.setupLink")
			.entity(String.class)
			.get();
		String token = link.substring(link.indexOf("token=") + "token=".length());
		HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(setupUri("?token=" + token)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("<form");
		String password = "correct-horse-" + UUID.randomUUID();
		assertThat(postSetup(token, password).statusCode()).isEqualTo(200);
		assertThat(postSetup(token, password + "x").statusCode()).as("the link works once").isEqualTo(410);

		as(login(email.toUpperCase(java.util.Locale.ROOT), password).path("access_token").asString())
			.document("{ me { roles communities } myVolunteerProfile { displayName communities } }")
			.execute()
			.path("me.roles")
			.entityList(String.class)
			.containsExactly("VOLUNTEER")
			.path("me.communities")
			.entityList(String.class)
			.containsExactly("UA3214007")
			.path("myVolunteerProfile.displayName")
			.entity(String.class)
			.isEqualTo("Olha Kovalenko");

		register(coordinator, email.toUpperCase(java.util.Locale.ROOT), "UA3214007")
			.path("registerVolunteer.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("DUPLICATE")
			.path("registerVolunteer.volunteer")
			.valueIsNull();
	}

	@Test
	void twoParallelRegistrationsOfOneEmailCreateOneAccount() throws Exception {
		HttpGraphQlTester coordinator = as(login("coordinator.kyiv").path("access_token").asString());
		String email = "e2e-" + UUID.randomUUID() + "@example.org";
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
		try {
			java.util.List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
			for (int i = 0; i < 3; i++) {
				outcomes.add(pool.submit(() -> {
					java.util.List<String> codes = register(coordinator, email, "UA3214007")
						.path("registerVolunteer.userErrors[*].code")
						.entityList(String.class)
						.get();
					return codes.isEmpty() ? "OK" : String.join(",", codes);
				}));
			}
			java.util.List<String> results = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<String> outcome : outcomes) {
				results.add(outcome.get());
			}
			assertThat(results).containsExactlyInAnyOrder("OK", "DUPLICATE", "DUPLICATE");
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aCoordinatorCannotRegisterAVolunteerForACommunityTheyDoNotServe() {
		register(as(login("coordinator.kyiv").path("access_token").asString()),
				"e2e-" + UUID.randomUUID() + "@example.org", "UA6312015")
			.errors()
			.expect(error -> error.getErrorType().toString().equals("FORBIDDEN"))
			.verify();
	}

	private static org.springframework.graphql.test.tester.GraphQlTester.Response register(
			HttpGraphQlTester coordinator, String email, String pcode) {
		return coordinator
			.document("mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) "
					+ "{ volunteer { id displayName } setupLink userErrors { code message } } }")
			.variable("input",
					Map.of("email", email, "firstName", "Olha", "lastName", "Kovalenko", "communityPcodes",
							java.util.List.of(pcode)))
			.execute();
	}

	private URI setupUri(String query) {
		return URI.create("http://localhost:" + this.port + "/account-setup" + query);
	}

	private HttpResponse<String> postSetup(String token, String password) throws Exception {
		String body = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&confirmation="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		return HTTP.send(HttpRequest.newBuilder(setupUri(""))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpGraphQlTester as(String accessToken) {
		return HttpGraphQlTester.create(WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port + "/graphql")
			.defaultHeaders(headers -> headers.setBearerAuth(accessToken))
			.build());
	}

	/**
	 * The password grant of the dev-only client, as the local run's instructions do it.
	 */
	private static JsonNode login(String username) {
		return login(username, "hromada-demo");
	}

	private static JsonNode login(String username, String password) {
		return TestKeycloak.login(KEYCLOAK, username, password);
	}

}
