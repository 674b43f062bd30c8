package org.hromada.webapp;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * index.html asks at once for every module its module script imports, directly or not
 * (modulepreload), so that a first visit on a poor connection loads them in one wave of
 * requests instead of one wave per level of imports, each paying the connection's
 * latency; and it asks for nothing else. Read from the classpath, no browser.
 */
class FieldAppModulePreloadTests {

	private final FieldAppModuleGraph graph = FieldAppModuleGraph.fromClasspath();

	@Test
	void everyModuleTheAppImportsStaticallyIsPreloaded() {
		Set<URI> missing = new LinkedHashSet<>(this.graph.staticallyReachable());
		missing.removeAll(this.graph.entries());
		missing.removeAll(this.graph.preloaded());
		assertThat(missing)
			.as("modules main.js imports (directly or not) without a "
					+ "<link rel=\"modulepreload\"> in index.html; add one for each")
			.isEmpty();
	}

	@Test
	void nothingIsPreloadedThatTheAppDoesNotImportStatically() {
		Set<URI> stale = new LinkedHashSet<>(this.graph.preloaded());
		stale.removeAll(this.graph.staticallyReachable());
		assertThat(stale)
			.as("modulepreload links of index.html for modules main.js does not import statically "
					+ "(stale, or loaded later with import()); remove them")
			.isEmpty();
		assertThat(this.graph.preloaded()).as("the module script itself")
			.doesNotContainAnyElementsOf(this.graph.entries());
	}

	@Test
	void theGraphReachesTheWebJarModulesThroughTheImportMap() {
		assertThat(this.graph.staticallyReachable()).contains(URI.create("/app/main.js"),
				URI.create("/webjars/lit-html/lit-html.js"), URI.create("/webjars/lit-html/directives/live.js"),
				URI.create("/webjars/lit-html/directive-helpers.js"),
				URI.create("/webjars/idb/build/wrap-idb-value.js"));
	}

	@Test
	void importsAreFoundAsTheBrowserFindsThem() {
		String source = """
				import { a } from './a.js';
				import b, * as c from "../b.js";
				import './side-effect.js';
				export { d } from './d.js';
				export * from './e.js';
				export { f };
				export const g = 1;
				import{h as i}from"./minified.js"
				// import { no } from './line-comment.js';
				/* import { no } from './block-comment.js'; */
				const text = "on Node you can `import WebSocket from 'ws';`";
				const template = `import { no } from './template.js'; ${'x'}`;
				const pattern = /import x from '.\\/regex.js'/g, half = 4 / 2 / 1;
				const lazy = () => import('./lazy.js');
				const meta = import.meta.url;
				const object = { import: 1 };
				""";
		assertThat(ScriptTokens.imports(source)).containsExactly(new ScriptTokens.Import("./a.js", false),
				new ScriptTokens.Import("../b.js", false), new ScriptTokens.Import("./side-effect.js", false),
				new ScriptTokens.Import("./d.js", false), new ScriptTokens.Import("./e.js", false),
				new ScriptTokens.Import("./minified.js", false), new ScriptTokens.Import("./lazy.js", true));
	}

	@Test
	void bareSpecifiersResolveThroughTheImportMapAndRelativeOnesAgainstTheirModule() {
		URI live = URI.create("/webjars/lit-html/directives/live.js");
		assertThat(this.graph.resolve("lit-html", URI.create("/app/core/view.js")))
			.isEqualTo(URI.create("/webjars/lit-html/lit-html.js"));
		assertThat(this.graph.resolve("lit-html/directives/live.js", URI.create("/app/core/view.js"))).isEqualTo(live);
		assertThat(this.graph.resolve("../directive.js", live)).isEqualTo(URI.create("/webjars/lit-html/directive.js"));
		assertThat(List.of(this.graph.resolve("./outbox.js", URI.create("/app/aid/log-need.js"))))
			.containsExactly(URI.create("/app/aid/outbox.js"));
	}

}
