package org.hromada.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.webjars.WebJarVersionLocator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The field app's modules as the browser finds them, read from the classpath: index.html
 * (its import map, its module script, its modulepreload links), and the static imports of
 * every module from there on. URLs resolve as in the browser: relative ones against the
 * importing module, bare specifiers through the import map; a URL under /app/ is a file
 * of static/app/, one under /webjars/NAME/ a file of that WebJar (found by
 * webjars-locator-lite, as the server finds it).
 */
final class FieldAppModuleGraph {

	static final URI APP = URI.create("/app/");

	private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>",
			Pattern.DOTALL);

	private static final Pattern MODULE_SCRIPT = Pattern.compile("<script type=\"module\" src=\"([^\"]+)\">");

	private static final Pattern PRELOAD = Pattern.compile("<link rel=\"modulepreload\" href=\"([^\"]+)\">");

	private static final WebJarVersionLocator WEBJARS = new WebJarVersionLocator();

	private final String index;

	private final Map<String, String> importMap = new LinkedHashMap<>();

	private FieldAppModuleGraph(String index) {
		this.index = index;
		Matcher map = IMPORT_MAP.matcher(index);
		if (map.find()) {
			JsonNode imports = new ObjectMapper().readTree(map.group(1)).path("imports");
			imports.propertyNames().forEach((name) -> this.importMap.put(name, imports.get(name).asString()));
		}
	}

	static FieldAppModuleGraph fromClasspath() {
		return new FieldAppModuleGraph(read("static/app/index.html"));
	}

	/** The module scripts of index.html, as URLs. */
	Set<URI> entries() {
		return matches(MODULE_SCRIPT);
	}

	/** What the modulepreload links of index.html ask for, as URLs. */
	Set<URI> preloaded() {
		return matches(PRELOAD);
	}

	private Set<URI> matches(Pattern pattern) {
		Set<URI> found = new LinkedHashSet<>();
		Matcher matcher = pattern.matcher(this.index);
		while (matcher.find()) {
			found.add(APP.resolve(matcher.group(1)));
		}
		return found;
	}

	/**
	 * Every module the entries import statically, directly or through other modules, the
	 * entries included; what only a dynamic import() reaches is not.
	 */
	Set<URI> staticallyReachable() {
		Set<URI> reached = new LinkedHashSet<>();
		Deque<URI> waiting = new ArrayDeque<>(entries());
		while (!waiting.isEmpty()) {
			URI module = waiting.pop();
			if (reached.add(module)) {
				for (ScriptTokens.Import imported : ScriptTokens.imports(source(module))) {
					if (!imported.dynamic()) {
						waiting.push(resolve(imported.specifier(), module));
					}
				}
			}
		}
		return reached;
	}

	/** A specifier as the browser resolves it in {@code module}. */
	URI resolve(String specifier, URI module) {
		if (specifier.startsWith("/") || specifier.startsWith("./") || specifier.startsWith("../")) {
			return module.resolve(specifier);
		}
		if (this.importMap.containsKey(specifier)) {
			return APP.resolve(this.importMap.get(specifier));
		}
		return this.importMap.keySet()
			.stream()
			.filter((prefix) -> prefix.endsWith("/") && specifier.startsWith(prefix))
			.max(Comparator.comparingInt(String::length))
			.map((prefix) -> APP.resolve(this.importMap.get(prefix) + specifier.substring(prefix.length())))
			.orElseThrow(() -> new IllegalStateException(
					"The bare specifier '" + specifier + "' in " + module + " is not in the import map of index.html"));
	}

	/** The text of the file the server sends for a module URL. */
	static String source(URI module) {
		String path = module.getPath();
		if (path.startsWith("/app/")) {
			return read("static/app/" + path.substring("/app/".length()));
		}
		if (path.startsWith("/webjars/")) {
			String[] webJarAndFile = path.substring("/webjars/".length()).split("/", 2);
			String located = WEBJARS.fullPath(webJarAndFile[0], webJarAndFile[1]);
			if (located == null) {
				throw new IllegalStateException(module + " is in no WebJar on the classpath");
			}
			return read(located);
		}
		throw new IllegalStateException(module + " is neither under /app/ nor under /webjars/");
	}

	/** Every module file of the app itself (static/app/**.js), as URLs. */
	static List<URI> appModules() {
		try {
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
			String root = resolver.getResource("classpath:static/app/").getURI().toString();
			return Arrays.stream(resolver.getResources("classpath:static/app/**/*.js")).map((resource) -> {
				try {
					return APP.resolve(resource.getURI().toString().substring(root.length()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(String classpath) {
		try (InputStream in = FieldAppModuleGraph.class.getClassLoader().getResourceAsStream(classpath)) {
			if (in == null) {
				throw new IllegalStateException(classpath + " is not on the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
