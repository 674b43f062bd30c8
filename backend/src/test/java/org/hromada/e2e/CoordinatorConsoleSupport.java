package org.hromada.e2e;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.hromada.HromadaApplication;
import org.hromada.community.SampleCommunities;
import org.hromada.support.Browser;
import org.hromada.support.RealKeycloak;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the coordinator console's browser tests share: this backend on a random port with
 * the real Keycloak, one database for all of them (so that they share one application
 * context), a real Chromium at a desk's size (1366 x 768) whose screenshots go to
 * target/console-screenshots/, sign-in through Keycloak's login page, and the API as the
 * realm's users, to seed needs the way the field app logs them.
 */
// The map's tiles from a loopback port where nothing listens: the tests never fetch a
// tile.
@SpringBootTest(classes = HromadaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "hromada.web.map-tiles=" + CoordinatorConsoleSupport.NO_TILES)
@ActiveProfiles("test")
abstract class CoordinatorConsoleSupport {

	static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	static final String NO_TILES = "http://127.0.0.1:9/{z}/{x}/{y}.png";

	static final String COORDINATOR = "coordinator.kyiv";

	static final String OTHER_COORDINATOR = "coordinator.kharkiv";

	static final String VOLUNTEER = "volunteer.irpin";

	/** Irpin, served by coordinator.kyiv and volunteer.irpin. */
	static final String IRPIN = "UA3214007";

	private static final String DATABASE = "hromada-console-" + UUID.randomUUID().toString().substring(0, 8);

	@LocalServerPort
	int port;

	@Autowired
	private SampleCommunities sampleCommunities;

	Browser browser;

	private final String marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	@DynamicPropertySource
	static void keycloakRealm(DynamicPropertyRegistry registry) {
		registry.add("hromada.security.token.issuer", RealKeycloak::issuer);
		registry.add("spring.mongodb.database", () -> DATABASE);
	}

	@BeforeAll
	static void needsChromium() {
		Browser.assumeInstalled();
	}

	@BeforeEach
	void openBrowser() {
		this.sampleCommunities.load();
		RealKeycloak.allowWebClientAt(origin());
		this.browser = Browser.open(1366, 768, SCREENSHOTS);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	/**
	 * A word only this test's needs carry: the queue's text filter finds them and nothing
	 * another test logged.
	 */
	String marker() {
		return this.marker;
	}

	String origin() {
		return "http://localhost:" + this.port;
	}

	/** Signs in through Keycloak's login page, from the app at origin. */
	void signIn(String origin, String username) {
		this.browser.get(origin + "/app/");
		this.browser.click("#sign-in");
		this.browser.element("#username").sendKeys(username);
		this.browser.element("#password").sendKeys("hromada-demo");
		this.browser.click("#kc-login");
		this.browser.element("#sign-out");
	}

	void signIn(String username) {
		signIn(origin(), username);
	}

	/** Opens a screen of the app by its route, as a link would. */
	void open(String route) {
		this.browser.driver().executeScript("location.hash = arguments[0]", "#/" + route);
	}

	/**
	 * Scrolls the element into view, for a screenshot of the part of the page it is in.
	 */
	void scrollTo(String css) {
		this.browser.driver()
			.executeScript("arguments[0].scrollIntoView({ block: 'start' })", this.browser.element(css));
	}

	/** A need's input as the field app sends it, in Irpin; the caller adds to it. */
	Map<String, Object> need(String title) {
		Map<String, Object> input = new HashMap<>();
		input.put("clientRequestId", UUID.randomUUID().toString());
		input.put("communityPcode", IRPIN);
		input.put("sector", "WASH");
		input.put("title", title);
		input.put("peopleAffected", Map.of("total", 40));
		input.put("urgency", "URGENT");
		return input;
	}

	/** Logs the need as the user (the way the field app does); returns its id. */
	String log(String username, Map<String, Object> input) {
		GraphQlTester.Response logged = as(username)
			.document("mutation($input: LogAidRequestInput!) { logAidRequest(input: $input) "
					+ "{ aidRequest { id } userErrors { message } } }")
			.variable("input", input)
			.execute();
		logged.path("logAidRequest.userErrors").entityList(Object.class).hasSize(0);
		return logged.path("logAidRequest.aidRequest.id").entity(String.class).get();
	}

	HttpGraphQlTester as(String username) {
		String token = RealKeycloak.accessToken(username);
		return HttpGraphQlTester.create(WebTestClient.bindToServer()
			.baseUrl(origin() + "/graphql")
			.defaultHeaders(headers -> headers.setBearerAuth(token))
			.build());
	}

	/** Moves a need to TRIAGED through the API; returns its id. */
	String triaged(String needId) {
		changeStatus(needId, "TRIAGED", null);
		return needId;
	}

	/**
	 * Changes a need's status through the API as the coordinator, at its current version,
	 * as another coordinator's screen would; fails the test if the API refuses it.
	 */
	void changeStatus(String needId, String status, String note) {
		Long version = as(COORDINATOR).document("query($id: ID!) { aidRequest(id: $id) { version } }")
			.variable("id", needId)
			.execute()
			.path("aidRequest.version")
			.entity(Long.class)
			.get();
		Map<String, Object> input = new HashMap<>(Map.of("id", needId, "version", version, "status", status));
		if (note != null) {
			input.put("note", note);
		}
		as(COORDINATOR)
			.document("mutation($input: ChangeAidRequestStatusInput!) { changeAidRequestStatus(input: $input) "
					+ "{ userErrors { message } } }")
			.variable("input", input)
			.execute()
			.path("changeAidRequestStatus.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	/**
	 * Offers the need to the volunteer for hours from start, as a coordinator; returns
	 * the assignment's id.
	 */
	String offer(String needId, String volunteerId, Instant start, int hours, String description) {
		return as(COORDINATOR)
			.document("mutation($input: AssignVolunteerInput!) { assignVolunteer(input: $input) "
					+ "{ assignment { id } userErrors { message } } }")
			.variable("input",
					Map.of("task", Map.of("kind", "AID_REQUEST", "id", needId), "volunteerId", volunteerId, "window",
							Map.of("start", start.toString(), "end", start.plus(hours, ChronoUnit.HOURS).toString()),
							"description", description))
			.execute()
			.path("assignVolunteer.assignment.id")
			.entity(String.class)
			.get();
	}

	/** The volunteer's id, creating their profile on first use as the field app does. */
	String volunteerId(String username) {
		return as(username).document("{ myVolunteerProfile { id } }")
			.execute()
			.path("myVolunteerProfile.id")
			.entity(String.class)
			.get();
	}

}
