package org.hromada.lifecycle;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 8: on SIGTERM the service leaves rotation first and finishes the requests it is
 * serving. The real application runs in its own JVM (see {@link ApplicationProcess}) and
 * gets a real SIGTERM ({@link Process#destroy()}) while it is serving a slow, legitimate
 * request: an admin's importCommunities of a large gazetteer.
 * <p>
 * What Spring Boot 4.0 / Tomcat 11 do on SIGTERM with server.shutdown=graceful (read in
 * the jars): the JVM runs Boot's shutdown hook, which closes the context.
 * ServletWebServerApplicationContext.doClose() first publishes ReadinessState
 * REFUSING_TRAFFIC, then the lifecycle processor stops the web server's graceful-shutdown
 * lifecycle (phase Integer.MAX_VALUE - 1024), which pauses the connector and closes its
 * server socket at once (new connections are refused; a new request on an already open
 * keep-alive connection is not served), waits up to
 * spring.lifecycle.timeout-per-shutdown-phase (25 s) for active requests, and only then
 * are the beans (MongoDB client, embedded store) destroyed.
 * <p>
 * Consequences, measured here: readiness answers 503 OUT_OF_SERVICE over HTTP only for
 * the few ms between REFUSING_TRAFFIC and the connector closing (a probe may or may not
 * land in them), and is unreachable after that. A new request that arrives in those few
 * ms can still be served (in full); one whose connection the kernel accepted but Tomcat
 * had not yet taken is closed unanswered. So the process alone does not drain traffic:
 * taking a pod out of the Service's endpoints before SIGTERM is the job of the preStop
 * sleep (10 s, k8s/base/backend). This test proves what the process itself does.
 */
class GracefulShutdownTests {

	/**
	 * Rows of the in-flight import; sized so that the import takes a few seconds here
	 * (about 3 s on an idle 2-core machine), and stays well inside the shutdown phase on
	 * a loaded one.
	 */
	private static final int ROWS = 2_000;

	private static final String HEADER = "ADM3_PCODE,ADM3_EN,ADM3_UA,ADM2_PCODE,ADM2_EN,ADM2_UA,ADM1_PCODE,ADM1_EN,ADM1_UA\n";

	/**
	 * The shutdown phase the child runs with. Production uses 25 s (application.yml); the
	 * test gives the child 60 s so that a heavily loaded build machine cannot turn a slow
	 * import into an aborted one: what is tested is that in-flight requests complete, not
	 * how long the phase is.
	 */
	private static final Duration SHUTDOWN_PHASE = Duration.ofSeconds(60);

	/**
	 * Generous hang guard on top of the shutdown phase: the rest of the context close,
	 * JVM exit.
	 */
	private static final Duration EXIT_MARGIN = Duration.ofSeconds(20);

	private static final String READINESS = "/actuator/health/readiness";

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Logged (DEBUG) by ApplicationAvailabilityBean when the context starts closing. */
	private static final String REFUSING_TRAFFIC = "ReadinessState changed from ACCEPTING_TRAFFIC to REFUSING_TRAFFIC";

	/**
	 * Logged by Boot's Tomcat GracefulShutdown once the connector is paused and its
	 * socket closed.
	 */
	private static final String COMMENCING = "Commencing graceful shutdown";

	private static final String COMPLETE = "Graceful shutdown complete";

	/**
	 * Logged by the embedded store's server when its bean is destroyed, after the web
	 * server stopped.
	 */
	private static final String STORE_CLOSED = "completed shutdown of MongoServer";

	private static final Path LOG_DIR = Path.of(System.getProperty("basedir", "."), "target", "graceful-shutdown");

	@Test
	void sigtermTakesTheServiceOutOfRotationAndLetsTheInFlightImportComplete() throws Exception {
		assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "SIGTERM needs a POSIX system");
		Path log = LOG_DIR.resolve("hromada-" + System.currentTimeMillis() + ".log");
		String token = TestTokens.accessToken(TestUser.ADMIN);
		ApplicationProcess app = ApplicationProcess.start(List.of("--hromada.store.embedded.in-memory=true",
				"--spring.lifecycle.timeout-per-shutdown-phase=" + SHUTDOWN_PHASE.toSeconds() + "s",
				"--hromada.security.token.issuer=" + TestTokens.issuer(),
				"--hromada.security.token.jwk-set-uri=" + TestTokens.jwkSetUri(),
				// Logs the availability changes (DEBUG), so that their order relative to
				// the web server's shutdown can be read in the log.
				"--logging.level.org.springframework.boot.availability=debug"), log);
		assumeTrue(app.process().supportsNormalTermination(), "Process.destroy() must send SIGTERM");
		try {
			run(app, token);
		}
		catch (Throwable failure) {
			app.printLogTail(80);
			throw failure;
		}
		finally {
			app.close();
		}
	}

	private void run(ApplicationProcess app, String token) throws Exception {
		long startNanos = System.nanoTime();
		app.awaitReady(Duration.ofSeconds(90));
		System.out.printf("[shutdown] application ready on 127.0.0.1:%d after %d ms (pid %d, log %s)%n", app.port(),
				millisSince(startNanos), app.process().pid(), app.logFile());

		HttpClient queries = http();
		GraphQl graphQl = new GraphQl(queries, app.port(), token);
		assertThat(graphQl.execute("{ me { username } }", Map.of()).path("data").path("me").path("username").asString())
			.isEqualTo("admin");

		// Two keep-alive connections opened, and used, before SIGTERM: what happens to a
		// new request on a connection that a client (or a proxy) already holds?
		RawHttp.Connection keptForReadiness = new RawHttp.Connection(app.port());
		RawHttp.Connection keptForGraphQl = new RawHttp.Connection(app.port());
		try {
			assertThat(keptForReadiness.send(RawHttp.request("GET", READINESS, app.port(), null, null, false)).isUp())
				.isTrue();
			assertThat(keptForGraphQl.send(meRequest(app.port(), token, false)).status()).isEqualTo(200);
			sigtermDuringImport(app, graphQl, token, keptForReadiness, keptForGraphQl);
		}
		finally {
			keptForReadiness.close();
			keptForGraphQl.close();
		}
	}

	private void sigtermDuringImport(ApplicationProcess app, GraphQl graphQl, String token,
			RawHttp.Connection keptForReadiness, RawHttp.Connection keptForGraphQl) throws Exception {
		// The in-flight request, on its own client and connection.
		String csv = csv();
		String importBody = JSON.writeValueAsString(Map.of("query",
				"mutation($input: ImportCommunitiesInput!) { importCommunities(input: $input) "
						+ "{ created updated unchanged failed rows { outcome } userErrors { code message } } }",
				"variables", Map.of("input", Map.of("csv", csv))));
		HttpRequest importRequest = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/graphql"))
			.timeout(Duration.ofSeconds(120))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(importBody))
			.build();
		long importSentNanos = System.nanoTime();
		long[] importAnsweredNanos = new long[1];
		CompletableFuture<HttpResponse<String>> importResponse = http()
			.sendAsync(importRequest, HttpResponse.BodyHandlers.ofString())
			.whenComplete((response, failure) -> importAnsweredNanos[0] = System.nanoTime());

		// The server is surely processing it once the first row of the file exists: rows
		// are stored one by one, in file order.
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!graphQl.exists(pcode(0))) {
			assertThat(importResponse).as("import answered before its first row was seen").isNotDone();
			assertThat(System.nanoTime()).as("first imported row seen within 60 s").isLessThan(deadline);
			Thread.sleep(20);
		}
		long firstRowNanos = System.nanoTime();
		int createdBeforeSigterm = createdSoFar(graphQl);
		boolean lastRowExists = graphQl.exists(pcode(ROWS - 1));
		assertThat(importResponse).as("the import must still be in flight at SIGTERM (make the CSV larger)")
			.isNotDone();
		assertThat(lastRowExists).as("the import must still be in flight at SIGTERM (make the CSV larger)").isFalse();

		Instant sigtermAt = Instant.now();
		long sigtermNanos = System.nanoTime();
		app.process().destroy();

		// Readiness on fresh connections until the process is gone: every 10 ms for the
		// first 2 s (to have a chance to see the instant between REFUSING_TRAFFIC and the
		// connector closing), then every 50 ms.
		List<RawHttp.Outcome> probes = new ArrayList<>();
		// Sent when readiness first answered 503: the connector may still accept then.
		RawHttp.Outcome windowGraphQl = null;
		// Sent once the connector no longer accepted: new requests, on a new connection
		// and on the connections that were already open.
		RawHttp.Outcome freshGraphQl = null;
		RawHttp.Outcome keptReadiness = null;
		RawHttp.Outcome keptGraphQl = null;
		long exitDeadline = sigtermNanos + SHUTDOWN_PHASE.plus(EXIT_MARGIN).toNanos();
		while (app.process().isAlive() && System.nanoTime() < exitDeadline) {
			RawHttp.Outcome probe = RawHttp.freshGet(app.port(), READINESS);
			probes.add(probe);
			if (probe.kind() == RawHttp.Kind.RESPONSE && !probe.isUp() && windowGraphQl == null) {
				windowGraphQl = RawHttp.fresh(app.port(), meRequest(app.port(), token, true));
			}
			if (probe.kind() != RawHttp.Kind.RESPONSE && freshGraphQl == null) {
				freshGraphQl = RawHttp.fresh(app.port(), meRequest(app.port(), token, true));
				keptReadiness = keptForReadiness.send(RawHttp.request("GET", READINESS, app.port(), null, null, false));
				keptGraphQl = keptForGraphQl.send(meRequest(app.port(), token, false));
			}
			Thread.sleep((System.nanoTime() - sigtermNanos < Duration.ofSeconds(2).toNanos()) ? 10 : 50);
		}
		boolean exited = app.process().waitFor(Math.max(0, exitDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		long exitNanos = System.nanoTime();
		assertThat(exited).as("exited within the shutdown phase (%s) + %s", SHUTDOWN_PHASE, EXIT_MARGIN).isTrue();
		int exitCode = app.process().exitValue();
		RawHttp.Outcome afterExit = RawHttp.freshGet(app.port(), READINESS);

		HttpResponse<String> response;
		try {
			response = importResponse.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw new AssertionError("The in-flight import got no answer (cut by the shutdown?): " + ex.getCause(),
					ex.getCause());
		}
		JsonNode payload = JSON.readTree(response.body()).path("data").path("importCommunities");

		// Figures.
		System.out.printf(
				"[shutdown] import of %d rows: sent -> first row stored %d ms, %d rows stored at SIGTERM "
						+ "(%d ms after sending), answered %d ms after sending = %d ms after SIGTERM%n",
				ROWS, (firstRowNanos - importSentNanos) / 1_000_000, createdBeforeSigterm,
				(sigtermNanos - importSentNanos) / 1_000_000, (importAnsweredNanos[0] - importSentNanos) / 1_000_000,
				(importAnsweredNanos[0] - sigtermNanos) / 1_000_000);
		System.out.printf("[shutdown] SIGTERM -> exit %d ms, exit code %d%n", (exitNanos - sigtermNanos) / 1_000_000,
				exitCode);
		System.out.printf("[shutdown] readiness on fresh connections after SIGTERM: %s%n",
				summary(probes, sigtermNanos));
		System.out.printf("[shutdown] new GraphQL request on a new connection when readiness first answered 503: %s%n",
				(windowGraphQl != null) ? windowGraphQl : "(readiness never answered 503: not sent)");
		System.out
			.printf("[shutdown] once the connector stopped accepting: new GraphQL request on a new connection: %s; "
					+ "readiness on a kept-alive connection: %s; GraphQL on a kept-alive connection: %s; "
					+ "readiness after exit: %s%n", freshGraphQl, keptReadiness, keptGraphQl, afterExit);
		System.out.printf("[shutdown] import response: HTTP %d, created=%s failed=%s%n", response.statusCode(),
				payload.path("created"), payload.path("failed"));
		String text = app.logText();
		System.out.printf(
				"[shutdown] application log, from SIGTERM: readiness REFUSING_TRAFFIC %s, "
						+ "Tomcat graceful shutdown commencing %s, complete %s, embedded store closed %s%n",
				loggedAfter(text, REFUSING_TRAFFIC, sigtermAt), loggedAfter(text, COMMENCING, sigtermAt),
				loggedAfter(text, COMPLETE, sigtermAt), loggedAfter(text, STORE_CLOSED, sigtermAt));

		// (1) The in-flight import completed, every row created.
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).path("errors").isMissingNode()).as(response.body()).isTrue();
		assertThat(payload.path("created").asInt()).isEqualTo(ROWS);
		assertThat(payload.path("failed").asInt()).isZero();
		assertThat(payload.path("userErrors")).isEmpty();
		assertThat(payload.path("rows")).hasSize(ROWS)
			.allSatisfy(row -> assertThat(row.path("outcome").asString()).isEqualTo("CREATED"));
		assertThat(importAnsweredNanos[0]).as("the import was answered after SIGTERM").isGreaterThan(sigtermNanos);

		// (2) Out of rotation while still serving the import: once readiness stopped
		// answering UP it never did again, and that happened before the import's answer.
		int firstNotUp = firstNotUp(probes);
		assertThat(firstNotUp).as("a readiness probe after SIGTERM that is not UP: %s", probes).isNotNegative();
		assertThat(probes.get(firstNotUp).nanos()).as("readiness went down while the import was still running")
			.isLessThan(importAnsweredNanos[0]);
		assertThat(probes.subList(firstNotUp, probes.size())).as("readiness after it first went down")
			.noneMatch(RawHttp.Outcome::isUp);

		// (3) Once the connector stopped accepting (a readiness probe refused), new
		// requests are not served, on a new connection nor on one opened before, while
		// the import is still being served. Not asserted: a request that arrives in the
		// few ms between REFUSING_TRAFFIC and the connector closing may still be served
		// (in full), or have its accepted-but-unread connection closed unanswered.
		assertThat(freshGraphQl).as("a readiness probe refused after SIGTERM: %s", probes).isNotNull();
		assertThat(List.of(freshGraphQl, keptReadiness, keptGraphQl)).as("new requests once the connector closed")
			.allSatisfy(outcome -> assertThat(notServed(outcome)).as("%s", outcome).isTrue());
		assertThat(List.of(freshGraphQl, keptReadiness, keptGraphQl)).as("answered before the import")
			.allSatisfy(outcome -> assertThat(outcome.nanos()).isLessThan(importAnsweredNanos[0]));

		// (4) The exit code of a JVM ended by SIGTERM once its shutdown hooks have run:
		// 128 + 15.
		assertThat(exitCode).isEqualTo(143);
		assertThat(afterExit.kind()).isEqualTo(RawHttp.Kind.REFUSED);

		// In the application's own log: readiness went to REFUSING_TRAFFIC before the
		// web server began its graceful shutdown, which completed with no request cut.
		int refusing = text.indexOf(REFUSING_TRAFFIC);
		int commencing = text.indexOf(COMMENCING);
		int complete = text.indexOf(COMPLETE);
		assertThat(refusing).as("readiness REFUSING_TRAFFIC logged").isNotNegative();
		assertThat(commencing).as("graceful shutdown logged").isGreaterThan(refusing);
		assertThat(complete).as("graceful shutdown completed").isGreaterThan(commencing);
		assertThat(text).doesNotContain("Graceful shutdown aborted");
	}

	/**
	 * "+31 ms": when the first log line with the marker was written, relative to the
	 * SIGTERM (both clocks are this machine's wall clock; log times have millisecond
	 * precision). Only printed.
	 */
	private static String loggedAfter(String log, String marker, Instant sigtermAt) {
		return log.lines().filter(line -> line.contains(marker)).findFirst().map(line -> {
			try {
				Instant at = OffsetDateTime
					.parse(line.substring(0, line.indexOf(' ')), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
					.toInstant();
				return "+" + Duration.between(sigtermAt, at).toMillis() + " ms";
			}
			catch (RuntimeException ex) {
				return "(logged, time unreadable)";
			}
		}).orElse("(not logged)");
	}

	/** An outcome that is not a request served: refused, closed unanswered, or 503. */
	private static boolean notServed(RawHttp.Outcome outcome) {
		return outcome != null && switch (outcome.kind()) {
			case REFUSED, CLOSED_UNANSWERED -> true;
			case RESPONSE -> outcome.status() == 503;
			case TIMEOUT -> false;
		};
	}

	private static int firstNotUp(List<RawHttp.Outcome> probes) {
		for (int i = 0; i < probes.size(); i++) {
			if (!probes.get(i).isUp()) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * "2 x 200 UP (until +12 ms), 93 x REFUSED (from +63 ms)": runs of equal outcomes.
	 */
	private static String summary(List<RawHttp.Outcome> probes, long sigtermNanos) {
		List<String> runs = new ArrayList<>();
		int i = 0;
		while (i < probes.size()) {
			int j = i;
			while (j < probes.size() && probes.get(j).label().equals(probes.get(i).label())) {
				j++;
			}
			runs.add(
					(j - i) + " x " + probes.get(i).label() + " (+" + (probes.get(i).nanos() - sigtermNanos) / 1_000_000
							+ ".." + (probes.get(j - 1).nanos() - sigtermNanos) / 1_000_000 + " ms)");
			i = j;
		}
		return (runs.isEmpty()) ? "none" : String.join(", ", runs);
	}

	/**
	 * How many rows exist so far (rows are stored in file order), by bisection on
	 * P-codes. A reading of a moving target, only printed.
	 */
	private static int createdSoFar(GraphQl graphQl) throws IOException, InterruptedException {
		int low = 0;
		int high = ROWS;
		while (high - low > 1) {
			int middle = (low + high) >>> 1;
			if (graphQl.exists(pcode(middle))) {
				low = middle;
			}
			else {
				high = middle;
			}
		}
		return low + 1;
	}

	private static String meRequest(int port, String token, boolean close) throws IOException {
		return RawHttp.request("POST", "/graphql", port, token,
				JSON.writeValueAsString(Map.of("query", "{ me { username } }")), close);
	}

	private static String csv() {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < ROWS; i++) {
			csv.append(pcode(i))
				.append(",Community ")
				.append(i)
				.append(",Громада ")
				.append(i)
				.append(",UA3214,Buchanskyi,Бучанський,UA32,Kyivska,Київська\n");
		}
		return csv.toString();
	}

	private static String pcode(int row) {
		return String.format("UA99%07d", row);
	}

	private static HttpClient http() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	/** GraphQL calls as one user, on a pooled client. */
	private record GraphQl(HttpClient client, int port, String token) {

		JsonNode execute(String query, Map<String, Object> variables) throws IOException, InterruptedException {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("query", query);
			body.put("variables", variables);
			HttpResponse<String> response = this.client
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
					.timeout(Duration.ofSeconds(30))
					.header("Authorization", "Bearer " + this.token)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode json = JSON.readTree(response.body());
			assertThat(json.path("errors").isMissingNode()).as(response.body()).isTrue();
			return json;
		}

		boolean exists(String pcode) throws IOException, InterruptedException {
			return !execute("query($pcode: String!) { communityByPcode(pcode: $pcode) { id } }", Map.of("pcode", pcode))
				.path("data")
				.path("communityByPcode")
				.isNull();
		}

	}

}
