package org.hromada.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak (the keycloak-quarkus-dist distribution that the build unpacks from
 * Maven Central) run as a child process in development mode, with the hromada realm
 * imported. The local run and the end-to-end tests both start Keycloak through this
 * class, so they run it the same way.
 */
public final class KeycloakServer implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private KeycloakServer(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts Keycloak from a working copy of the distribution.
	 * @param distribution the unpacked distribution (left untouched)
	 * @param workDir where the working copy lives; reused when it already holds one
	 * @param realmFile the realm to import on first start
	 * @param port HTTP port on 127.0.0.1 (the management port is the next one)
	 * @param persistent keep users and sessions in an H2 file in the working copy, rather
	 * than in memory
	 */
	public static KeycloakServer start(Path distribution, Path workDir, Path realmFile, int port, boolean persistent) {
		requireFree(port);
		requireFree(port + 1);
		if (!Files.isRegularFile(distribution.resolve("bin/kc.sh"))) {
			throw new LocalRunException("No Keycloak distribution at " + distribution,
					"Run the build once (./mvnw -DskipTests package) with access to Maven Central, so that Maven "
							+ "downloads and unpacks org.keycloak:keycloak-quarkus-dist");
		}
		try {
			if (!Files.isRegularFile(workDir.resolve("bin/kc.sh"))) {
				copyTree(distribution, workDir);
			}
			Path imports = workDir.resolve("data/import");
			Files.createDirectories(imports);
			Files.copy(realmFile, imports.resolve("hromada-realm.json"), StandardCopyOption.REPLACE_EXISTING);
			Path log = workDir.resolve("keycloak.log");
			List<String> command = new ArrayList<>(List.of(workDir.resolve("bin/kc.sh").toString(), "start-dev",
					"--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + (port + 1),
					"--hostname=http://localhost:" + port, "--import-realm",
					"--db=" + (persistent ? "dev-file" : "dev-mem")));
			ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
			builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
			builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
			return new KeycloakServer(builder.start(), port, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start Keycloak in " + workDir, ex);
		}
	}

	/** Blocks until the realm answers, or fails with the end of Keycloak's log. */
	public KeycloakServer awaitReady(Duration timeout) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Keycloak stopped while starting (exit " + this.process.exitValue()
						+ "). End of " + this.log + ":\n" + tail());
			}
			try {
				if (client.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return this;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for Keycloak", ex);
			}
			sleep(Duration.ofMillis(500));
		}
		throw new IllegalStateException(
				"Keycloak was not ready within " + timeout + ". End of " + this.log + ":\n" + tail());
	}

	/** The realm's issuer, as tokens carry it. */
	public String issuer() {
		return "http://localhost:" + this.port + "/realms/hromada";
	}

	public int port() {
		return this.port;
	}

	public Path log() {
		return this.log;
	}

	@Override
	public void close() {
		List<ProcessHandle> tree = new ArrayList<>(this.process.descendants().toList());
		tree.add(this.process.toHandle());
		tree.forEach(ProcessHandle::destroy);
		for (ProcessHandle handle : tree) {
			try {
				handle.onExit().get(20, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				handle.destroyForcibly();
			}
		}
	}

	/** Fails clearly when something already listens on a port Keycloak needs. */
	static void requireFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new LocalRunException("Port " + port + " is already in use, and Keycloak needs it",
					"Stop what uses port " + port + " (another Keycloak, or an earlier run?), or start with "
							+ "HROMADA_KEYCLOAK_PORT set to a free port whose next port is free too");
		}
	}

	private String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void copyTree(Path source, Path target) throws IOException {
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		deleteTree(partial);
		Files.walkFileTree(source, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				Files.createDirectories(partial.resolve(source.relativize(dir).toString()));
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Files.copy(file, partial.resolve(source.relativize(file).toString()),
						StandardCopyOption.COPY_ATTRIBUTES);
				return FileVisitResult.CONTINUE;
			}

		});
		deleteTree(target);
		Files.move(partial, target);
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (var paths = Files.walk(root)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
