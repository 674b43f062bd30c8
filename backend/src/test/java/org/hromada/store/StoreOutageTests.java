package org.hromada.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * MongoDB down under the running application: readiness turns DOWN, GraphQL requests that
 * need the store fail quickly with a classified error and no internals, and everything
 * recovers by itself when MongoDB is back, with the data written before. The outage is
 * the embedded server stopped and started again on the same port (the application's own
 * MongoDB client is untouched), so this runs only on the embedded store. The server is
 * always started again, because the other integration tests share it.
 * <p>
 * Durations are printed, not asserted; each request is held only to a generous bound that
 * catches a hang.
 */
class StoreOutageTests extends IntegrationTest {

	/** Far above the configured bounds (about 2 s); only a hang exceeds it. */
	private static final Duration HANG = Duration.ofSeconds(15);

	/**
	 * The classification of a store failure: SERVICE_UNAVAILABLE once GraphQlErrorHandler
	 * maps DataAccessResourceFailureException, INTERNAL_ERROR until then.
	 */
	private static final List<String> STORE_DOWN = List.of("SERVICE_UNAVAILABLE");

	private static final String READ = "query($pcode: String!) { communityByPcode(pcode: $pcode) { pcode name { en } } }";

	@Autowired
	private StoreProperties store;

	@Autowired
	private ObjectProvider<EmbeddedMongoServer> embedded;

	@Test
	void requestsFailFastWhileMongoDbIsDownAndTheServiceRecoversWithItsData() {
		assumeThat(this.store.usesEmbeddedStore()).as("runs on the embedded store only").isTrue();
		EmbeddedMongoServer server = this.embedded.getObject();
		String pcode = newCommunity("ACCESSIBLE");
		assertThat(read(pcode).getResponseBody()).contains("\"pcode\":\"" + pcode + "\"");
		readiness().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");

		int port = server.port();
		server.stop();
		long stopped = System.nanoTime();
		try {
			assertThat(server.isRunning()).isFalse();
			for (int i = 1; i <= 3; i++) {
				long started = System.nanoTime();
				readiness().expectStatus()
					.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
					.expectBody()
					.jsonPath("$.status")
					.isEqualTo("DOWN");
				report("readiness DOWN (HTTP 503), check " + i, started);
			}
			for (int i = 1; i <= 3; i++) {
				long started = System.nanoTime();
				assertStoreError(read(pcode), "communityByPcode");
				report("read failed with a classified error, request " + i, started);
			}
			long started = System.nanoTime();
			assertStoreError(graphQl("mutation($pcode: String!) { createCommunity(input: { pcode: $pcode, "
					+ "name: { uk: \"Тестова\", en: \"Test\" }, adm1: { pcode: \"UA32\", name: { uk: \"Київська\", "
					+ "en: \"Kyivska\" } }, adm2: { pcode: \"UA3214\", name: { uk: \"Бучанський\", en: \"Buchanskyi\" } } }) "
					+ "{ community { id } userErrors { message } } }", Map.of("pcode", uniquePcode())),
					"createCommunity");
			report("write failed with a classified error", started);
			report("outage so far", stopped);
		}
		finally {
			server.start();
		}
		assertThat(server.port()).isEqualTo(port);

		long restarted = System.nanoTime();
		AtomicLong probes = new AtomicLong();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			probes.incrementAndGet();
			return readiness().returnResult(String.class).getStatus().value() == 200;
		});
		report("readiness UP again after the restart (" + probes.get() + " probes)", restarted);
		long started = System.nanoTime();
		String body = read(pcode).getResponseBody();
		report("first read after recovery", started);
		assertThat(body).contains("\"pcode\":\"" + pcode + "\"").doesNotContain("errors");
		newCommunity("HARD_TO_REACH");
	}

	/**
	 * The fixed-port setting, and a stop and start of the H2 file store without closing
	 * its data.
	 */
	@Test
	void theEmbeddedServerKeepsItsFixedPortAndItsDataAcrossAStop(@TempDir Path dataDir) throws IOException {
		int port = freePort();
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(new StoreProperties.Embedded(false, dataDir, port));
				MongoClient client = MongoClients.create(MongoClientSettings.builder()
					.applyConnectionString(new ConnectionString(server.connectionString()))
					.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(500, TimeUnit.MILLISECONDS))
					.build())) {
			assertThat(server.port()).isEqualTo(port);
			assertThat(server.connectionString()).isEqualTo("mongodb://127.0.0.1:" + port);
			MongoCollection<Document> communities = client.getDatabase("hromada").getCollection("communities");
			communities.insertOne(new Document("pcode", "UA3214007"));

			server.stop();
			assertThat(server.isRunning()).isFalse();
			assertThatThrownBy(() -> communities.find().first()).isInstanceOf(MongoException.class);
			server.stop();

			server.start();
			assertThat(server.isRunning()).isTrue();
			assertThat(server.port()).isEqualTo(port);
			await().atMost(Duration.ofSeconds(10))
				.ignoreExceptions()
				.until(() -> communities.find(new Document("pcode", "UA3214007")).first() != null);
		}
	}

	@Test
	void aTakenOrInvalidPortIsReported(@TempDir Path dataDir) throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
			assertThatThrownBy(
					() -> EmbeddedMongoServer.start(new StoreProperties.Embedded(false, dataDir, taken.getLocalPort())))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
				.hasMessageContaining("hromada.store.embedded.port");
		}
		// The failed start released the H2 file.
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(new StoreProperties.Embedded(false, dataDir))) {
			assertThat(server.port()).isPositive();
		}
		assertThatThrownBy(() -> new StoreProperties.Embedded(true, null, 65_536))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("hromada.store.embedded.port");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
	}

	private void assertStoreError(EntityExchangeResult<String> result, String field) {
		String body = result.getResponseBody();
		assertThat(body).as("GraphQL response while the store is down").isNotNull();
		System.out.println("StoreOutageTests: response while down: " + body);
		List<String> classifications = JsonPath.read(body, "$.errors[*].extensions.classification");
		assertThat(classifications).isNotEmpty()
			.allSatisfy(classification -> assertThat(classification).isIn(STORE_DOWN));
		List<List<Object>> paths = JsonPath.read(body, "$.errors[*].path");
		assertThat(paths).contains(List.of(field));
		assertThat(body).doesNotContainIgnoringCase("exception")
			.doesNotContain("com.mongodb")
			.doesNotContain("\tat ")
			.doesNotContain("127.0.0.1")
			.doesNotContain("stackTrace")
			.doesNotContain("Timed out");
	}

	private EntityExchangeResult<String> read(String pcode) {
		return graphQl(READ, Map.of("pcode", pcode));
	}

	private EntityExchangeResult<String> graphQl(String document, Map<String, Object> variables) {
		long started = System.nanoTime();
		EntityExchangeResult<String> result = client("/graphql").post()
			.contentType(MediaType.APPLICATION_JSON)
			.headers(headers -> headers.setBearerAuth(TestTokens.accessToken(TestUser.ADMIN)))
			.bodyValue(Map.of("query", document, "variables", variables))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("GraphQL request duration").isLessThan(HANG);
		return result;
	}

	private WebTestClient.ResponseSpec readiness() {
		long started = System.nanoTime();
		WebTestClient.ResponseSpec response = client("/actuator/health/readiness").get().exchange();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("readiness check duration").isLessThan(HANG);
		return response;
	}

	private WebTestClient client(String path) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port + path)
			.responseTimeout(HANG.plusSeconds(15))
			.build();
	}

	private static void report(String what, long startedNanos) {
		System.out.printf("StoreOutageTests: %s: %d ms%n", what,
				Duration.ofNanos(System.nanoTime() - startedNanos).toMillis());
	}

}
