package org.hromada.e2e;

import java.util.Map;
import java.util.UUID;

import org.hromada.HromadaApplication;
import org.hromada.community.SampleCommunities;
import org.hromada.support.Browser;
import org.hromada.support.RealKeycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The field app's performance figures of the README (a benchmark, not a test: it prints,
 * it does not assert). Run with
 * {@code ./mvnw -pl backend -am test -Dtest=FieldAppBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Times are the app's own User Timing marks (hromada:sign-in-usable, hromada:form-usable)
 * from the start of the page's navigation.
 */
@SpringBootTest(classes = HromadaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FieldAppBenchmark {

	private static final String DATABASE = "hromada-bench-" + UUID.randomUUID().toString().substring(0, 8);

	@LocalServerPort
	int port;

	@Autowired
	private SampleCommunities sampleCommunities;

	@DynamicPropertySource
	static void keycloakRealm(DynamicPropertyRegistry registry) {
		registry.add("hromada.security.token.issuer", RealKeycloak::issuer);
		registry.add("spring.mongodb.database", () -> DATABASE);
	}

	@BeforeAll
	static void needsChromium() {
		Browser.assumeInstalled();
	}

	@Test
	void measure() {
		this.sampleCommunities.load();
		String origin = "http://localhost:" + this.port;
		RealKeycloak.allowWebClientAt(origin);
		for (int run = 1; run <= 3; run++) {
			try (Browser browser = Browser.open()) {
				browser.throttle();
				browser.get(origin + "/app/");
				browser.element("#sign-in");
				double shell = mark(browser, "hromada:sign-in-usable");
				Map<?, ?> bytes = (Map<?, ?>) browser.driver()
					.executeScript(
							"""
									const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
									  .filter((e) => new URL(e.name).origin === location.origin);
									return { decoded: entries.reduce((s, e) => s + e.decodedBodySize, 0),
									  transferred: entries.reduce((s, e) => s + e.transferSize, 0), files: entries.length };""");
				browser.click("#sign-in");
				browser.element("#username").sendKeys("volunteer.irpin");
				browser.element("#password").sendKeys("hromada-demo");
				browser.click("#kc-login");
				browser.element("button[type=submit]");
				double afterSignIn = mark(browser, "hromada:form-usable");
				browser.await((d) -> Boolean.TRUE.equals(browser.driver()
					.executeAsyncScript(
							"""
									const done = arguments[arguments.length - 1];
									caches.open('hromada-app-shell-v1').then((c) => c.match(location.origin + '/app/main.js')).then((r) => done(!!r));
									"""))
									? true : null);
				browser.offline(true);
				browser.get(origin + "/app/");
				browser.element("button[type=submit]");
				double offline = mark(browser, "hromada:form-usable");
				System.out.printf(
						"FIELD APP run %d: shell %s bytes decoded (%s transferred, %s files); throttled first visit: sign-in screen usable at %.0f ms, form usable %.0f ms after returning from Keycloak; repeat visit offline: form usable at %.0f ms%n",
						run, bytes.get("decoded"), bytes.get("transferred"), bytes.get("files"), shell, afterSignIn,
						offline);
			}
		}
	}

	private static double mark(Browser browser, String name) {
		return ((Number) browser.await((d) -> browser.driver()
			.executeScript("const m = performance.getEntriesByName(arguments[0])[0]; return m ? m.startTime : null;",
					name)))
			.doubleValue();
	}

}
