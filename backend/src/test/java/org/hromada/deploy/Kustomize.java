package org.hromada.deploy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Finds the repository and renders kustomizations with {@code kubectl kustomize}
 * (offline, no cluster).
 */
final class Kustomize {

	private static final long TIMEOUT_SECONDS = 60;

	private Kustomize() {
	}

	/**
	 * The repository root: the nearest directory, from the working directory up, that
	 * holds {@code k8s/}.
	 */
	static Path repositoryRoot() {
		Path start = Path.of("").toAbsolutePath();
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("k8s"))) {
				return dir;
			}
		}
		throw new IllegalStateException("no k8s/ directory in " + start + " or above it");
	}

	/**
	 * kubectl from the system property {@code hromada.test.kubectl} (a path; {@code none}
	 * to run as if kubectl were not installed), else from the PATH, else
	 * /usr/bin/kubectl.
	 */
	static Optional<Path> kubectl() {
		String override = System.getProperty("hromada.test.kubectl");
		if (override != null && !override.isBlank()) {
			Path path = Path.of(override);
			return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
		}
		String path = System.getenv("PATH");
		if (path != null) {
			for (String dir : path.split(File.pathSeparator)) {
				if (dir.isEmpty()) {
					continue;
				}
				Path candidate = Path.of(dir, "kubectl");
				if (Files.isExecutable(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		Path fallback = Path.of("/usr/bin/kubectl");
		return Files.isExecutable(fallback) ? Optional.of(fallback) : Optional.empty();
	}

	/**
	 * The output of {@code kubectl kustomize dir}; fails with kustomize's error message.
	 */
	static String render(Path kubectl, Path dir) {
		try {
			Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
			CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(
						"kubectl kustomize " + dir + " did not finish in " + TIMEOUT_SECONDS + " s");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						"kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "): " + stderr.join());
			}
			return stdout.join();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String read(InputStream stream) {
		try (stream) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
