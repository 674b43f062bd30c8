package org.hromada.lifecycle;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hromada.HromadaApplication;
import org.hromada.support.LoopbackPorts;

/**
 * The real application in its own JVM, as production runs it ({@code java ... main
 * class}, same JDK as the tests), on loopback and a free port. Its stdout and stderr go
 * to a file under target/. {@link #close()} kills it (SIGKILL) if it is still alive, so a
 * test that fails never leaves it behind.
 * <p>
 * The classpath is the test JVM's minus the test classes directory: the packaged jar has
 * no test classes, and with them on the classpath the application's component scan
 * (package org.hromada) would also pick up test-only configuration (the
 * {@code @TestConfiguration} of the integration tests is only filtered out inside a
 * Spring test context).
 */
final class ApplicationProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private ApplicationProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the application with the given arguments after {@code --server.port} and
	 * {@code --server.address}. Settings of the environment that would change what is
	 * tested (MONGODB_URI, PORT, SPRING_PROFILES_ACTIVE, ...) are not passed on.
	 */
	static ApplicationProcess start(List<String> arguments, Path log) {
		int port = LoopbackPorts.free(1);
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx1g");
		command.add("-XX:+ExitOnOutOfMemoryError");
		command.add("-cp");
		command.add(applicationClasspath());
		command.add(HromadaApplication.class.getName());
		command.add("--server.port=" + port);
		command.add("--server.address=127.0.0.1");
		command.addAll(arguments);
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			Map<String, String> environment = builder.environment();
			environment.keySet()
				.removeIf(name -> name.equals("PORT") || name.startsWith("MONGODB_") || name.startsWith("KEYCLOAK_")
						|| name.startsWith("SPRING_") || name.startsWith("SERVER_") || name.startsWith("MANAGEMENT_")
						|| name.startsWith("HROMADA_") || name.startsWith("LOGGING_"));
			return new ApplicationProcess(builder.start(), port, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + String.join(" ", command.subList(0, 3)), ex);
		}
	}

	private static String applicationClasspath() {
		Path testClasses = Path.of("target", "test-classes");
		List<String> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.isBlank())
			.toList();
		List<String> application = entries.stream()
			.filter(entry -> !Path.of(entry).normalize().endsWith(testClasses))
			.toList();
		if (application.size() == entries.size()) {
			// For instance a manifest-only classpath jar: the child would get the test
			// classes anyway, unnoticed.
			throw new IllegalStateException("java.class.path does not list " + testClasses + ": " + entries);
		}
		return String.join(File.pathSeparator, application);
	}

	int port() {
		return this.port;
	}

	Process process() {
		return this.process;
	}

	Path logFile() {
		return this.log;
	}

	/**
	 * Polls /actuator/health/readiness on fresh connections until it answers 200 UP.
	 * @throws AssertionError if the process exits first, or after the timeout
	 */
	void awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		RawHttp.Outcome last = null;
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new AssertionError("The application exited with " + this.process.exitValue()
						+ " before it was ready; log: " + this.log);
			}
			last = RawHttp.freshGet(this.port, "/actuator/health/readiness");
			if (last.isUp()) {
				return;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("The application was not ready within " + timeout + " (last readiness: " + last
				+ "); log: " + this.log);
	}

	/** The whole log so far. */
	String logText() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(cannot read " + this.log + ": " + ex + ")";
		}
	}

	void printLogTail(int lines) {
		List<String> all = logText().lines().toList();
		System.out.println("---- last " + Math.min(lines, all.size()) + " lines of " + this.log + " ----");
		all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.out::println);
		System.out.println("---- end of " + this.log + " ----");
	}

	/**
	 * SIGKILL if still alive (a hang guard; the test sends SIGTERM itself), bounded wait.
	 */
	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

}
