package org.hromada.support;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.hromada.HromadaApplication;
import org.hromada.community.SampleCommunities;
import org.hromada.organization.SampleOrganizations;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the integration tests: the whole application on a random port, over real HTTP,
 * with tokens signed by {@link TestTokens}. The store is the in-memory embedded server,
 * or the MongoDB named by MONGODB_URI; each test run gets its own database. All
 * integration tests share one application, so each test creates the data it needs under
 * names no other test uses.
 */
@SpringBootTest(classes = HromadaApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(IntegrationTestConfiguration.class)
public abstract class IntegrationTest {

	private static final String DATABASE = "hromada-test-" + UUID.randomUUID().toString().substring(0, 8);

	private static final AtomicInteger SEQUENCE = new AtomicInteger(1000);

	private static final AtomicBoolean SAMPLES_LOADED = new AtomicBoolean();

	@LocalServerPort
	protected int port;

	@Autowired
	private SampleCommunities sampleCommunities;

	@Autowired
	private SampleOrganizations sampleOrganizations;

	/**
	 * The communities the test users serve and the organisation of the partner (the
	 * realm's demo users) exist in every test.
	 */
	@BeforeEach
	protected void loadSampleCommunities() {
		if (SAMPLES_LOADED.compareAndSet(false, true)) {
			this.sampleCommunities.load();
			this.sampleOrganizations.load();
		}
	}

	@DynamicPropertySource
	static void testProperties(DynamicPropertyRegistry registry) {
		registry.add("hromada.security.token.issuer", TestTokens::issuer);
		registry.add("hromada.security.token.jwk-set-uri", TestTokens::jwkSetUri);
		registry.add("spring.mongodb.database", () -> DATABASE);
	}

	/** A GraphQL client calling as the user, with a valid access token. */
	protected HttpGraphQlTester as(TestUser user) {
		return withToken(TestTokens.accessToken(user));
	}

	protected HttpGraphQlTester withToken(String token) {
		return HttpGraphQlTester
			.create(http().mutate().defaultHeaders(headers -> headers.setBearerAuth(token)).build());
	}

	/**
	 * Posts a GraphQL request with the token and returns the whole response as JSON, for
	 * what the testers do not show (extensions such as withheld).
	 */
	protected JsonNode postJson(String token, String query, Map<String, Object> variables) {
		String body = http().mutate()
			.defaultHeaders(headers -> headers.setBearerAuth(token))
			.build()
			.post()
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query, "variables", variables))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return JsonMapper.builder().build().readTree(body);
	}

	/** A plain HTTP client of the GraphQL endpoint, without a token. */
	protected WebTestClient http() {
		// The client's default buffer (256 KB) is smaller than the full introspection of
		// the schema, which a GraphiQL client legitimately asks for.
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port + "/graphql")
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
			.build();
	}

	/** Creates a community with a P-code no other test uses, and returns the P-code. */
	protected String newCommunity(String accessStatus) {
		String pcode = uniquePcode();
		as(TestUser.ADMIN)
			.document("mutation($pcode: String!, $access: AccessStatus) { createCommunity(input: { pcode: $pcode, "
					+ "name: { uk: \"Тестова\", en: \"Test\" }, adm1: { pcode: \"UA32\", name: { uk: \"Київська\", en: \"Kyivska\" } }, "
					+ "adm2: { pcode: \"UA3214\", name: { uk: \"Бучанський\", en: \"Buchanskyi\" } }, accessStatus: $access }) "
					+ "{ userErrors { message } } }")
			.variable("pcode", pcode)
			.variable("access", accessStatus)
			.execute()
			.path("createCommunity.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		return pcode;
	}

	/** A P-code no other test uses: UA followed by 9 digits. */
	protected static String uniquePcode() {
		return "UA99" + String.format("%07d", SEQUENCE.incrementAndGet());
	}

}
