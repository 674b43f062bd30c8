package org.hromada.deploy;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.hromada.local.KeycloakServer;
import org.hromada.support.AbusiveRequests;
import org.hromada.support.LoopbackPorts;
import org.hromada.support.RealKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: the image that {@code ./mvnw -Pimage verify} built (backend/target/image) is
 * reproducible and starts. Run by failsafe in that profile only, as root.
 * <p>
 * No container engine is needed: the image's layers are unpacked into a folder and its
 * entrypoint is run as a container runtime would run it, from the image config (Env,
 * Entrypoint, Cmd, User): in new mount and PID namespaces ({@code unshare}), the folder
 * bind-mounted read-only as the root ({@code chroot}), a fresh /proc, a tmpfs /tmp (as
 * the Deployment's emptyDir) and /dev with the usual device nodes, as uid 65532. It
 * shares the host's network, so it reaches what this test starts on loopback: a
 * MongoDB-compatible store (mongo-java-server, in memory) and the real Keycloak with the
 * dev realm. The settings are the ones the production profile requires, as the Kubernetes
 * manifests give them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageIT {

	private static final Path IMAGE_DIR = Path.of(System.getProperty("hromada.test.image-dir"));

	private static final Path IMAGE = IMAGE_DIR.resolve("hromada-backend.tar");

	private static final Path WORK = IMAGE_DIR.resolve("start-check");

	private static final String NON_ROOT = "65532";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/**
	 * Mounts the root read-only with what a runtime provides, then becomes the image's
	 * user. Arguments: root folder, user, then the command (entrypoint and cmd).
	 */
	private static final String RUNTIME = """
			set -eu
			root=$1; user=$2; shift 2
			mount --bind "$root" "$root"
			mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
			mount -t tmpfs -o nosuid,nodev,mode=1777,size=256m tmpfs "$root/tmp"
			mount -t tmpfs -o nosuid,mode=755,size=64k tmpfs "$root/dev"
			for node in null zero full random urandom; do
				: > "$root/dev/$node"
				mount --bind "/dev/$node" "$root/dev/$node"
			done
			mount -o remount,bind,ro,nosuid,nodev "$root"
			exec chroot --userspec="$user" "$root" "$@"
			""";

	private static MongoServer store;

	private static KeycloakServer keycloak;

	private static JsonNode config;

	private static Process runtime;

	private static ProcessHandle application;

	private static int port;

	private static int storePort;

	private static String token;

	@BeforeAll
	static void startTheImage() throws Exception {
		Path rootfs = unpack(IMAGE, WORK);
		store = new MongoServer(new MemoryBackend());
		storePort = LoopbackPorts.free(1);
		store.bind("127.0.0.1", storePort);
		keycloak = RealKeycloak.startOwn("image");
		port = LoopbackPorts.free(1);

		JsonNode container = config.path("config");
		List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child=SIGTERM",
				"--", "sh", "-c", RUNTIME, "runtime", rootfs.toString(), container.path("User").asString()));
		container.path("Entrypoint").forEach(part -> command.add(part.asString()));
		container.path("Cmd").forEach(part -> command.add(part.asString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(WORK.resolve("application.log").toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		Map<String, String> environment = builder.environment();
		environment.clear();
		container.path("Env").forEach(entry -> {
			String[] pair = entry.asString().split("=", 2);
			environment.put(pair[0], pair[1]);
		});
		// What the production profile requires, as k8s/base gives it (ConfigMap and
		// Secret).
		environment.put("PORT", Integer.toString(port));
		environment.put("SERVER_ADDRESS", "127.0.0.1");
		environment.put("MONGODB_URI", "mongodb://127.0.0.1:" + storePort);
		environment.put("MONGODB_DATABASE", "hromada");
		environment.put("KEYCLOAK_ISSUER", keycloak.issuer());
		environment.put("KEYCLOAK_JWK_SET_URI", keycloak.issuer() + "/protocol/openid-connect/certs");
		environment.put("HROMADA_KEYCLOAK_REALM_URL", keycloak.issuer());
		environment.put("HROMADA_KEYCLOAK_ADMIN_CLIENT_SECRET", "hromada-backend-dev-secret");
		environment.put("HROMADA_FINGERPRINT_KEY", UUID.randomUUID().toString());
		environment.put("HROMADA_PUBLIC_URL", "http://127.0.0.1:" + port);
		runtime = builder.start();
		awaitReady(Duration.ofMinutes(3));
		application = runtime.toHandle()
			.children()
			.findFirst()
			.orElseThrow(() -> new AssertionError("unshare has no child process"));
	}

	@AfterAll
	static void stopEverything() throws Exception {
		if (runtime != null && runtime.isAlive()) {
			runtime.destroyForcibly();
			runtime.waitFor(10, TimeUnit.SECONDS);
		}
		if (application != null && application.isAlive()) {
			application.destroyForcibly();
		}
		if (keycloak != null) {
			keycloak.close();
		}
		if (store != null) {
			store.shutdownNow();
		}
		// The unpacked root (about 400 MB) is not needed after the check; the log is
		// kept.
		run(List.of("rm", "-rf", WORK.resolve("rootfs").toString(), WORK.resolve("archive").toString()));
	}

	@Test
	@Order(1)
	void twoBuildsOfTheImageAreTheSameBytes() throws IOException {
		Path again = IMAGE_DIR.resolve("again");
		assertThat(Files.readString(again.resolve("hromada-backend.digest")))
			.isEqualTo(Files.readString(IMAGE_DIR.resolve("hromada-backend.digest")))
			.startsWith("sha256:");
		assertThat(Files.mismatch(IMAGE, again.resolve("hromada-backend.tar"))).as("first differing byte")
			.isEqualTo(-1);
	}

	@Test
	@Order(2)
	void theImageIsDatedBySourceDateEpochRunsAsNonRootAndItsPackagesAreListed() throws IOException {
		assertThat(Instant.parse(config.path("created").asString()))
			.isEqualTo(Instant.parse(System.getProperty("hromada.test.image-created")));
		assertThat(config.path("config").path("User").asString()).isEqualTo(NON_ROOT + ":" + NON_ROOT);
		assertThat(Files.readAllLines(IMAGE_DIR.resolve("base-packages.txt")))
			.anyMatch(line -> line.startsWith("ii  openjdk-17-jre-headless"))
			.anyMatch(line -> line.startsWith("ii  ca-certificates "));
	}

	@Test
	@Order(3)
	void livenessAndReadinessAreUp() throws Exception {
		for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
			HttpResponse<String> response = get(probe, Optional.empty());
			assertThat(response.statusCode()).as(probe).isEqualTo(200);
			assertThat(JSON.readTree(response.body()).path("status").asString()).as(probe).isEqualTo("UP");
		}
	}

	@Test
	@Order(4)
	void theProcessRunsAsUid65532OnAReadOnlyRoot() throws IOException {
		Path proc = Path.of("/proc", Long.toString(application.pid()));
		List<String> status = Files.readAllLines(proc.resolve("status"));
		assertThat(Files.readString(proc.resolve("cmdline")).split("\0")).as("heap sized from the container's limit")
			.contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
		assertThat(status).contains("Name:\tjava")
			.contains("Uid:\t65532\t65532\t65532\t65532")
			.contains("Gid:\t65532\t65532\t65532\t65532");
		// mountinfo fields: id, parent, major:minor, root, mount point (as the process
		// sees
		// it), mount options.
		assertThat(Files.readAllLines(proc.resolve("mountinfo")).stream().map(line -> line.split(" ")))
			.filteredOn(fields -> fields[4].equals("/"))
			.singleElement()
			.satisfies(fields -> assertThat(fields[5].split(",")).contains("ro"));
	}

	@Test
	@Order(5)
	void aGraphQlQueryWithAKeycloakTokenIsAnsweredFromTheStore() throws Exception {
		String token = token();
		HttpResponse<String> response = post(
				"{ me { username roles communities } " + "communities(first: 1) { edges { node { pcode } } } }",
				Optional.of(token));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.path("errors").isMissingNode()).as(response.body()).isTrue();
		assertThat(body.path("data").path("me").path("username").asString()).isEqualTo("coordinator.kyiv");
		assertThat(body.path("data").path("me").path("roles").get(0).asString()).isEqualTo("COORDINATOR");
		assertThat(body.path("data").path("communities").path("edges").isArray()).isTrue();

		assertThat(post("{ me { username } }", Optional.empty()).statusCode()).as("without a token").isEqualTo(401);
	}

	/**
	 * Issue 8's abusive requests, each refused in well under a second by the image (the
	 * server's time plus loopback and the client's own).
	 */
	@Test
	@Order(6)
	void abusiveRequestsAreRefusedInWellUnderASecond() throws Exception {
		String token = token();
		Map<String, String> refusals = Map.of(AbusiveRequests.DEPTH_BOMB, AbusiveRequests.DEPTH_BOMB_REFUSAL,
				AbusiveRequests.ALIAS_BOMB, AbusiveRequests.ALIAS_BOMB_REFUSAL, AbusiveRequests.THREE_THOUSAND_FIELDS,
				AbusiveRequests.THREE_THOUSAND_FIELDS_REFUSAL);
		for (Map.Entry<String, String> refusal : refusals.entrySet()) {
			// Timed warm, as a serving replica is: the first of each also compiles its
			// code path.
			post(refusal.getKey(), Optional.of(token));
			long started = System.nanoTime();
			HttpResponse<String> response = post(refusal.getKey(), Optional.of(token));
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			System.out.println("Image refused '" + refusal.getValue() + "' in " + took.toMillis() + " ms");
			JsonNode error = JSON.readTree(response.body()).path("errors").get(0);
			assertThat(error.path("message").asString()).isEqualTo(refusal.getValue());
			assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
			assertThat(took).isLessThan(Duration.ofSeconds(1));
		}
		assertTenMegabytesAreRefusedOnTheHeader(token);
	}

	/**
	 * The declared 10 MB are refused on the request's headers: the status line comes back
	 * while the client is still sending (HttpClient would only read it once it had sent
	 * all 10 MB, so this speaks HTTP on a socket).
	 */
	private static void assertTenMegabytesAreRefusedOnTheHeader(String token) throws IOException {
		byte[] body = AbusiveRequests.paddedBody(10 * 1024 * 1024);
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			long started = System.nanoTime();
			OutputStream out = socket.getOutputStream();
			out.write(("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
					+ "Authorization: Bearer " + token + "\r\nContent-Length: " + body.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(body, 0, 64 * 1024);
			out.flush();
			String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			System.out.println("Image refused a 10 MB body (" + statusLine + ") in " + took.toMillis() + " ms");
			assertThat(statusLine).isEqualTo("HTTP/1.1 413");
			assertThat(took).isLessThan(Duration.ofSeconds(1));
		}
	}

	@Test
	@Order(7)
	void itLogsJsonAsTheProductionProfileSays() throws IOException {
		List<String> lines = Files.readAllLines(WORK.resolve("application.log"));
		assertThat(lines).isNotEmpty()
			.allSatisfy(line -> assertThat(JSON.readTree(line).has("@timestamp")).as(line).isTrue());
		assertThat(messages()).contains("The following 1 profile is active: \"production\"");
	}

	/**
	 * As the kubelet stops a container: SIGTERM to its PID 1, here the JVM (unshare
	 * itself ignores SIGTERM while it waits, and the parent-death signal does not survive
	 * the change of user).
	 */
	/**
	 * Issue 8's store fault on the image: readiness DOWN and requests refused fast while
	 * the store is away, and both back by themselves when it returns on the same port.
	 */
	@Test
	@Order(8)
	void withTheStoreAwayReadinessIsDownAndRequestsFailFastThenItRecovers() throws Exception {
		String token = token();
		store.shutdownNow();
		awaitReadiness(503, Duration.ofSeconds(20));
		long started = System.nanoTime();
		JsonNode error = JSON
			.readTree(post("{ communities(first: 1) { edges { node { pcode } } } }", Optional.of(token)).body())
			.path("errors")
			.get(0);
		assertThat(error.path("extensions").path("classification").asString()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

		store = new MongoServer(new MemoryBackend());
		store.bind("127.0.0.1", storePort);
		awaitReadiness(200, Duration.ofSeconds(30));
		assertThat(post("{ communities(first: 1) { edges { node { pcode } } } }", Optional.of(token)).body())
			.doesNotContain("errors");
	}

	/** Issue 8's Keycloak fault on the image: a token already issued keeps working. */
	@Test
	@Order(9)
	void withKeycloakAwayATokenAlreadyIssuedStillWorks() throws Exception {
		String token = token();
		keycloak.close();
		HttpResponse<String> response = post("{ me { username } }", Optional.of(token));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).path("data").path("me").path("username").asString())
			.isEqualTo("coordinator.kyiv");
	}

	@Test
	@Order(10)
	void sigtermStopsItGracefullyWithinTheTerminationGracePeriod() throws Exception {
		application.destroy();
		assertThat(application.onExit().get(45, TimeUnit.SECONDS).isAlive()).isFalse();
		assertThat(runtime.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(messages()).anyMatch(message -> message.startsWith("Graceful shutdown complete"));
	}

	private static List<String> messages() throws IOException {
		return Files.readAllLines(WORK.resolve("application.log"))
			.stream()
			.map(line -> JSON.readTree(line).path("message").asString())
			.toList();
	}

	/** A coordinator's access token from the real Keycloak, obtained once. */
	private static synchronized String token() {
		if (token == null) {
			token = RealKeycloak.login(keycloak, "coordinator.kyiv", "hromada-demo").path("access_token").asString();
		}
		return token;
	}

	private static void awaitReadiness(int status, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		int last = -1;
		while (System.nanoTime() < deadline) {
			last = get("/actuator/health/readiness", Optional.empty()).statusCode();
			if (last == status) {
				return;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("Readiness was " + last + ", not " + status + ", after " + timeout);
	}

	/**
	 * Unpacks the docker-save archive and its layers in order (Jib's layers carry no
	 * whiteouts), keeping owners and modes, and reads the image config.
	 */
	private static Path unpack(Path image, Path work) throws IOException {
		Path archive = work.resolve("archive");
		Path rootfs = work.resolve("rootfs");
		run(List.of("rm", "-rf", work.toString()));
		Files.createDirectories(archive);
		Files.createDirectories(rootfs);
		run(List.of("tar", "-xf", image.toString(), "-C", archive.toString()));
		JsonNode manifest = JSON.readTree(archive.resolve("manifest.json").toFile()).get(0);
		config = JSON.readTree(archive.resolve(manifest.path("Config").asString()).toFile());
		for (JsonNode layer : manifest.path("Layers")) {
			run(List.of("tar", "--numeric-owner", "--warning=no-unknown-keyword", "-xpf",
					archive.resolve(layer.asString()).toString(), "-C", rootfs.toString()));
		}
		return rootfs;
	}

	private static void run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).inheritIO().start();
			if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException("Failed: " + String.join(" ", command));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + command.get(0), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void awaitReady(Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		String last = "no answer";
		while (System.nanoTime() < deadline) {
			if (!runtime.isAlive()) {
				throw new AssertionError(
						"The image exited with " + runtime.exitValue() + " before it was ready:\n" + logTail());
			}
			try {
				HttpResponse<String> response = get("/actuator/health/readiness", Optional.empty());
				if (response.statusCode() == 200) {
					return;
				}
				last = response.statusCode() + " " + response.body();
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			Thread.sleep(500);
		}
		throw new AssertionError("The image was not ready within " + timeout + " (last: " + last + "):\n" + logTail());
	}

	private static String logTail() throws IOException {
		List<String> lines = Files.readAllLines(WORK.resolve("application.log"), StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private static HttpResponse<String> get(String path, Optional<String> token)
			throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).GET(), token);
	}

	private static HttpResponse<String> post(String query, Optional<String> token)
			throws IOException, InterruptedException {
		String body = JSON.writeValueAsString(Map.of("query", query));
		return send(HttpRequest.newBuilder(uri("/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)), token);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, Optional<String> token)
			throws IOException, InterruptedException {
		token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
		return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
