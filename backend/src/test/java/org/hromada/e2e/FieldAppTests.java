package org.hromada.e2e;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hromada.HromadaApplication;
import org.hromada.community.SampleCommunities;
import org.hromada.support.Browser;
import org.hromada.support.RealKeycloak;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.fetch.Fetch;
import org.openqa.selenium.devtools.v156.fetch.model.RequestPattern;
import org.openqa.selenium.devtools.v156.fetch.model.RequestStage;
import org.openqa.selenium.devtools.v156.network.model.ErrorReason;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The field app (/app/) in a real Chromium, against this backend and the real Keycloak:
 * sign-in through Keycloak's login page with hromada-web (code + PKCE), needs logged
 * online and offline, lost responses, refusals, assignments, languages, and what stays on
 * the phone. Every screen is captured at 360 x 740 and checked with axe-core.
 */
@SpringBootTest(classes = HromadaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FieldAppTests {

	private static final String DATABASE = "hromada-app-" + UUID.randomUUID().toString().substring(0, 8);

	private static final String VOLUNTEER = "volunteer.irpin";

	private static final String COMMUNITY = "UA3214007";

	@LocalServerPort
	int port;

	@Autowired
	private SampleCommunities sampleCommunities;

	private Browser browser;

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
		this.browser = Browser.open();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void volunteerSignsInThroughTheLoginPageAndSeesTheirNameAndCommunity() {
		this.browser.get(origin() + "/app/");
		this.browser.element("#sign-in");
		this.browser.screenshot("01-signed-out");
		this.browser.assertAccessible("signed out");
		signIn(VOLUNTEER);
		assertThat(this.browser.text("header .who")).contains("Iryna Bondarenko").contains("Irpinska");
		this.browser.screenshot("02-log-a-need");
		this.browser.assertAccessible("log a need");
	}

	@Test
	void aNeedLoggedOnlineIsRecordedWithEveryField() {
		signIn(VOLUNTEER);
		String title = "Water for the school " + marker();
		fillNeed(title);
		this.browser.fill("description", "Two floors, 40 pupils.\nThe well pump broke.");
		this.browser.fill("quantity", "500");
		this.browser.fill("unit", "litres");
		this.browser.fill("peopleAffected.girls", "15");
		this.browser.fill("peopleAffected.boys", "12");
		this.browser.fill("peopleAffected.women", "5");
		this.browser.fill("peopleAffected.men", "3");
		this.browser.fill("peopleAffected.olderWomen", "2");
		this.browser.fill("peopleAffected.olderMen", "1");
		this.browser.fill("peopleAffected.withDisability", "4");
		this.browser.fill("location.latitude", "50.5183");
		this.browser.fill("location.longitude", "30.2390");
		this.browser.fill("contact.name", "Olena Shevchuk");
		this.browser.fill("contact.phone", "+380 67 123 4567");
		this.browser.driver()
			.executeScript("const f = document.querySelector('[name=neededBy]'); f.value = '2030-05-01';"
					+ " f.dispatchEvent(new Event('input', { bubbles: true }));");
		this.browser.click("button[type=submit]");
		openOutbox();
		this.browser.awaitText(".outbox-item.sent", "Recorded");
		this.browser.screenshot("03-outbox-recorded");
		this.browser.assertAccessible("outbox");

		asVolunteer().document("""
				query($text: String!) { aidRequests(filter: { text: $text }) { edges { node {
				  title description quantity unit urgency sector neededBy community { pcode }
				  peopleAffected { total girls boys women men olderWomen olderMen withDisability }
				  location { latitude longitude } contact { name phone } } } } }""")
			.variable("text", marker())
			.execute()
			.path("aidRequests.edges[*].node")
			.entityList(Map.class)
			.satisfies((needs) -> assertThat(needs).singleElement().satisfies((need) -> {
				assertThat(need).containsEntry("title", title)
					.containsEntry("description", "Two floors, 40 pupils.\nThe well pump broke.")
					.containsEntry("quantity", 500.0)
					.containsEntry("unit", "litres")
					.containsEntry("urgency", "URGENT")
					.containsEntry("sector", "WASH")
					.containsEntry("community", Map.of("pcode", COMMUNITY))
					.containsEntry("contact", Map.of("name", "Olena Shevchuk", "phone", "+380 67 123 4567"))
					.containsEntry("location", Map.of("latitude", 50.5183, "longitude", 30.239));
				assertThat(Instant.parse((String) need.get("neededBy")))
					.isEqualTo(Instant.parse("2030-05-01T00:00:00Z"));
				assertThat(need.get("peopleAffected")).isEqualTo(Map.of("total", 40, "girls", 15, "boys", 12, "women",
						5, "men", 3, "olderWomen", 2, "olderMen", 1, "withDisability", 4));
			}));
	}

	@Test
	void threeNeedsLoggedOfflineSurviveAReloadAndAreRecordedOnceWhenBackOnline() {
		signIn(VOLUNTEER);
		awaitServiceWorker();
		this.browser.offline(true);
		this.browser.awaitText("header .connection", "Offline");
		for (int i = 1; i <= 3; i++) {
			fillNeed("Blankets batch " + i + " " + marker());
			this.browser.click("button[type=submit]");
			this.browser.awaitText("#form-notice", "Saved");
		}
		this.browser.screenshot("04-offline-saved");
		this.browser.driver().navigate().refresh();
		openOutbox();
		assertThat(this.browser.driver().findElements(By.cssSelector(".outbox-item.pending"))).hasSize(3);
		this.browser.screenshot("05-offline-outbox-after-reload");
		this.browser.assertAccessible("offline outbox");

		this.browser.offline(false);
		openOutbox();
		this.browser
			.await((d) -> d.findElements(By.cssSelector(".outbox-item.sent.recorded")).size() == 3 ? true : null);
		assertThat(this.browser.driver().findElements(By.cssSelector(".outbox-item.pending"))).isEmpty();
		assertThat(recordsWith(marker())).isEqualTo(3);
	}

	@Test
	void aSendWhoseResponseIsLostIsRetriedAndRecordedOnce() {
		signIn(VOLUNTEER);
		DevTools devTools = this.browser.driver().getDevTools();
		devTools.createSession();
		AtomicBoolean dropped = new AtomicBoolean();
		devTools.addListener(Fetch.requestPaused(), (paused) -> {
			boolean sendOfNeeds = paused.getRequest().getPostData().orElse("").contains("logAidRequests");
			if (sendOfNeeds && paused.getResponseStatusCode().isPresent() && dropped.compareAndSet(false, true)) {
				// The server has answered (and committed); the phone never hears it.
				devTools.send(Fetch.failRequest(paused.getRequestId(), ErrorReason.CONNECTIONCLOSED));
			}
			else {
				devTools.send(Fetch.continueRequest(paused.getRequestId(), Optional.empty(), Optional.empty(),
						Optional.empty(), Optional.empty(), Optional.empty()));
			}
		});
		devTools.send(Fetch.enable(Optional.of(List
			.of(new RequestPattern(Optional.of("*/graphql"), Optional.empty(), Optional.of(RequestStage.RESPONSE)))),
				Optional.empty()));
		String title = "Generator fuel " + marker();
		fillNeed(title);
		this.browser.click("button[type=submit]");
		openOutbox();
		this.browser.awaitText(".outbox-item.sent", "Already recorded");
		assertThat(dropped).isTrue();
		this.browser.screenshot("06-outbox-already-recorded");
		assertThat(recordsWith(marker())).isEqualTo(1);
	}

	@Test
	void aRefusedNeedStaysInTheOutboxWithTheServersMessage() {
		signIn(VOLUNTEER);
		this.browser.offline(true);
		this.browser.awaitText("header .connection", "Offline");
		fillNeed("Roof sheeting " + marker());
		this.browser.click("button[type=submit]");
		this.browser.awaitText("#form-notice", "Saved");
		// Saved for a community the volunteer no longer serves by the time it is sent (as
		// when
		// a coordinator moved them while they were offline): the app checked it, the
		// server refuses.
		this.browser.driver().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const open = indexedDB.open('hromada');
				open.onsuccess = () => {
				  const store = open.result.transaction('outbox', 'readwrite').objectStore('outbox');
				  store.getAll().onsuccess = (event) => {
				    const item = event.target.result[0];
				    item.input.communityPcode = 'UA6312015';
				    store.put(item).onsuccess = () => { open.result.close(); done(); };
				  };
				};
				""");
		this.browser.offline(false);
		openOutbox();
		this.browser.awaitText(".outbox-item.refused", "You may not log needs in community UA6312015");
		this.browser.screenshot("07-outbox-refused");
		this.browser.assertAccessible("refused need");
		assertThat(this.browser.storedData()).contains("\"state\":\"refused\"").contains("Roof sheeting");
		assertThat(recordsWith(marker())).isZero();

		this.browser.click(".outbox-item.refused button.primary");
		this.browser.awaitText("h1", "Log a need");
		assertThat(this.browser.element("[name=title]").getAttribute("value")).isEqualTo("Roof sheeting " + marker());
	}

	@Test
	void volunteerAcceptsChecksInAndCompletesAnAssignment() {
		String assignmentId = offerAnAssignmentToTheVolunteer();
		signIn(VOLUNTEER);
		this.browser.get(origin() + "/app/#/assignments");
		String card = "[data-assignment-id=\"" + assignmentId + "\"]";
		this.browser.awaitText(card, "Offered");
		assertThat(this.browser.text(card)).contains("Answer by").contains("Food kits " + marker());
		this.browser.screenshot("08-assignment-offered");
		this.browser.assertAccessible("my assignments");
		this.browser.click(card + " .actions button.primary");
		this.browser.awaitText(card, "Check in by");
		this.browser.click(card + " .actions button.primary");
		this.browser.awaitText(card, "In progress");
		this.browser.click(card + " .actions button.primary");
		this.browser.fill("hoursWorked", "0");
		this.browser.click(card + " .subform button.primary");
		this.browser.awaitText(card + " .field.invalid", "Between 0 and");
		this.browser.fill("hoursWorked", "2.5");
		this.browser.fill("note", "Delivered twelve kits.");
		this.browser.screenshot("09-assignment-complete");
		this.browser.click(card + " .subform button.primary");
		this.browser.awaitText(card, "Completed");
		this.browser.awaitText(card, "2.5 hours worked");

		asVolunteer().document("{ myAssignments(statuses: [COMPLETED]) { edges { node { id hoursWorked note } } } }")
			.execute()
			.path("myAssignments.edges[*].node")
			.entityList(Map.class)
			.contains(Map.of("id", assignmentId, "hoursWorked", 2.5, "note", "Delivered twelve kits."));
	}

	@Test
	void myNeedsShowStatusPriorityAndItsFactorsInPlainWords() {
		signIn(VOLUNTEER);
		fillNeed("Insulin cooler " + marker());
		this.browser.click("button[type=submit]");
		openOutbox();
		this.browser.awaitText(".outbox-item.sent", "Recorded");
		this.browser.get(origin() + "/app/#/needs");
		this.browser.awaitText(".card", "Insulin cooler " + marker());
		this.browser.click(".card details summary");
		assertThat(this.browser.text(".card")).contains("Status: New").contains("Urgency reported:").contains("points");
		this.browser.screenshot("10-my-needs");
		this.browser.assertAccessible("my needs");
	}

	@Test
	void switchingToUkrainianTranslatesTheScreenAndEnumLabelsAndIsKept() {
		signIn(VOLUNTEER);
		this.browser.fill("language", "uk");
		this.browser.awaitText("nav", "Нова потреба");
		assertThat(this.browser.element("html").getAttribute("lang")).isEqualTo("uk");
		assertThat(this.browser.text("[name=sector]")).contains("Вода, санітарія та гігієна");
		assertThat(this.browser.text("[name=urgency]")).contains("Загроза життю");
		this.browser.screenshot("11-ukrainian");
		this.browser.assertAccessible("Ukrainian");
		this.browser.driver().navigate().refresh();
		this.browser.awaitText("nav", "Мої завдання");
	}

	@Test
	void nothingConfidentialStaysOnThePhoneOnceSentOrAfterSigningOut() {
		String phone = "+380 50 777 0" + (100 + (int) (Math.random() * 800));
		String name = "Halyna Testova-" + marker();
		signIn(VOLUNTEER);
		awaitServiceWorker();
		this.browser.offline(true);
		this.browser.awaitText("header .connection", "Offline");
		fillNeed("Stove repair " + marker());
		this.browser.fill("contact.name", name);
		this.browser.fill("contact.phone", phone);
		this.browser.click("button[type=submit]");
		this.browser.awaitText("#form-notice", "Saved");
		assertThat(this.browser.storedData()).as("the unsent need, scanned where the app keeps it")
			.contains(phone)
			.contains(name);

		this.browser.offline(false);
		openOutbox();
		this.browser.awaitText(".outbox-item.sent", "Recorded");
		assertThat(this.browser.storedData()).as("after the need was recorded")
			.doesNotContain(phone)
			.doesNotContain(name);

		this.browser.click("#sign-out");
		this.browser.element("#sign-in");
		String afterSignOut = this.browser.storedData();
		assertThat(afterSignOut).as("after signing out")
			.doesNotContain(phone)
			.doesNotContain(name)
			.doesNotContain("Stove repair")
			.contains("indexedDB hromada/outbox []", "indexedDB hromada/meta []", "localStorage {}");
	}

	@Test
	void theAppsChecksAgreeWithTheApiAtEveryBound() {
		this.browser.get(origin() + "/app/");
		this.browser.element("#sign-in");
		String longPhone = "+" + "1".repeat(25);
		Map<String, Map<String, String>> cases = new java.util.LinkedHashMap<>();
		cases.put("title at 200", Map.of("title", "t".repeat(200)));
		cases.put("title at 201", Map.of("title", "t".repeat(201)));
		cases.put("title with a zero-width space", Map.of("title", "Water\u200b"));
		cases.put("description at 4000 with breaks", Map.of("description", "d\n".repeat(2000)));
		cases.put("description at 4001", Map.of("description", "d".repeat(4001)));
		cases.put("description with a bell character", Map.of("description", "Ring\u0007"));
		cases.put("unit at 50", Map.of("unit", "u".repeat(50)));
		cases.put("unit at 51", Map.of("unit", "u".repeat(51)));
		cases.put("quantity at the maximum", Map.of("quantity", "1000000000"));
		cases.put("quantity over the maximum", Map.of("quantity", "1000000001"));
		cases.put("negative quantity", Map.of("quantity", "-1"));
		cases.put("people at the maximum", Map.of("peopleAffected.total", "10000000"));
		cases.put("people over the maximum", Map.of("peopleAffected.total", "10000001"));
		cases.put("groups up to the total", Map.of("peopleAffected.girls", "3", "peopleAffected.olderMen", "2"));
		cases.put("groups over the total", Map.of("peopleAffected.girls", "3", "peopleAffected.olderMen", "3"));
		cases.put("disability over the total", Map.of("peopleAffected.withDisability", "6"));
		cases.put("latitude 90", Map.of("location.latitude", "90", "location.longitude", "-180"));
		cases.put("latitude over 90", Map.of("location.latitude", "90.1", "location.longitude", "0"));
		cases.put("longitude under -180", Map.of("location.latitude", "0", "location.longitude", "-180.5"));
		cases.put("phone of 5", Map.of("contact.phone", "12345"));
		cases.put("phone of 4", Map.of("contact.phone", "1234"));
		cases.put("phone of 26", Map.of("contact.phone", longPhone));
		cases.put("phone with letters", Map.of("contact.phone", "12345a"));
		cases.put("contact name at 200", Map.of("contact.name", "n".repeat(200)));
		cases.put("contact name at 201", Map.of("contact.name", "n".repeat(201)));
		cases.put("needed by 2099", Map.of("neededBy", "2099-12-31"));
		cases.put("needed by 2100", Map.of("neededBy", "2100-01-01"));
		cases.put("needed by 1999", Map.of("neededBy", "1999-12-31"));
		for (Map.Entry<String, Map<String, String>> entry : cases.entrySet()) {
			Map<String, String> draft = new java.util.HashMap<>(Map.of("communityPcode", COMMUNITY, "sector", "WASH",
					"title", "Bounds " + marker(), "urgency", "SOON", "peopleAffected.total", "5"));
			draft.putAll(entry.getValue());
			@SuppressWarnings("unchecked")
			Map<String, Object> checked = (Map<String, Object>) this.browser.driver().executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					import('/app/aid/need-rules.js').then(({ checkNeed }) => {
					  const { errors, input } = checkNeed(arguments[0]);
					  done({ errors: Object.keys(errors), input: JSON.stringify(input) });
					}, (e) => done({ errors: ['import failed ' + e], input: '{}' }));
					""", draft);
			boolean appAccepts = ((List<?>) checked.get("errors")).isEmpty();
			Map<String, Object> input = new tools.jackson.databind.ObjectMapper()
				.readValue((String) checked.get("input"), Map.class);
			input.put("clientRequestId", UUID.randomUUID().toString());
			input.putIfAbsent("communityPcode", COMMUNITY);
			input.putIfAbsent("sector", "WASH");
			input.putIfAbsent("urgency", "SOON");
			input.putIfAbsent("title", draft.get("title"));
			input.putIfAbsent("peopleAffected", Map.of("total", 5));
			if (!appAccepts) {
				// What the volunteer typed, as the API would get it without the app's
				// check.
				input.putAll(rawInput(entry.getValue()));
			}
			List<?> apiErrors = asVolunteer().document(
					"mutation($input: LogAidRequestInput!) { logAidRequest(input: $input) { userErrors { path message } } }")
				.variable("input", input)
				.execute()
				.path("logAidRequest.userErrors")
				.entityList(Map.class)
				.get();
			assertThat(apiErrors.isEmpty())
				.as(entry.getKey() + ": the app accepts it (" + checked.get("errors") + ") exactly when the API does ("
						+ apiErrors + ")")
				.isEqualTo(appAccepts);
		}
	}

	/** A typed value as the API receives it: numbers as numbers, groups nested. */
	private static Map<String, Object> rawInput(Map<String, String> typed) {
		Map<String, Object> input = new java.util.HashMap<>();
		Map<String, Object> people = new java.util.HashMap<>(Map.of("total", 5));
		Map<String, Object> location = new java.util.HashMap<>();
		Map<String, Object> contact = new java.util.HashMap<>();
		typed.forEach((path, value) -> {
			if (path.startsWith("peopleAffected.")) {
				people.put(path.substring("peopleAffected.".length()), Integer.valueOf(value));
				input.put("peopleAffected", people);
			}
			else if (path.startsWith("location.")) {
				location.put(path.substring("location.".length()), Double.valueOf(value));
				input.put("location", location);
			}
			else if (path.startsWith("contact.")) {
				contact.put(path.substring("contact.".length()), value);
				input.put("contact", contact);
			}
			else if (path.equals("quantity")) {
				input.put(path, Double.valueOf(value));
			}
			else if (path.equals("neededBy")) {
				input.put(path, value + "T00:00:00Z");
			}
			else {
				input.put(path, value);
			}
		});
		return input;
	}

	private String marker;

	/** A word only this test's needs carry, to find them with the API's text filter. */
	private String marker() {
		if (this.marker == null) {
			this.marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		}
		return this.marker;
	}

	private String origin() {
		return "http://localhost:" + this.port;
	}

	private void signIn(String username) {
		this.browser.get(origin() + "/app/");
		this.browser.click("#sign-in");
		this.browser.element("#username").sendKeys(username);
		this.browser.element("#password").sendKeys("hromada-demo");
		this.browser.click("#kc-login");
		this.browser.element("#sign-out");
	}

	private void fillNeed(String title) {
		this.browser.element("h1");
		this.browser.fill("communityPcode", COMMUNITY);
		this.browser.fill("sector", "WASH");
		this.browser.fill("title", title);
		this.browser.fill("peopleAffected.total", "40");
		this.browser.fill("urgency", "URGENT");
	}

	private void openOutbox() {
		this.browser.click("nav a[href=\"#/outbox\"]");
		this.browser.awaitText("h1", "Outbox");
	}

	/** Until the service worker controls the page and has kept the app shell. */
	private void awaitServiceWorker() {
		this.browser.await((d) -> Boolean.TRUE.equals(this.browser.driver().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				if (!navigator.serviceWorker.controller) { done(false); return; }
				caches.open('hromada-app-shell-v1').then((c) => c.match(location.origin + '/app/main.js'))
				  .then((r) => done(!!r), () => done(false));
				""")) ? true : null);
	}

	private int recordsWith(String word) {
		return asVolunteer()
			.document("query($text: String!) { aidRequests(filter: { text: $text }) { edges { node { id } } } }")
			.variable("text", word)
			.execute()
			.path("aidRequests.edges")
			.entityList(Object.class)
			.get()
			.size();
	}

	private String offerAnAssignmentToTheVolunteer() {
		String volunteerId = asVolunteer().document("{ myVolunteerProfile { id } }")
			.execute()
			.path("myVolunteerProfile.id")
			.entity(String.class)
			.get();
		HttpGraphQlTester coordinator = as(RealKeycloak.accessToken("coordinator.kyiv"));
		GraphQlTester.Response logged = coordinator.document(
				"mutation($input: LogAidRequestInput!) { logAidRequest(input: $input) { aidRequest { id version } } }")
			.variable("input",
					Map.of("clientRequestId", UUID.randomUUID().toString(), "communityPcode", COMMUNITY, "sector",
							"FOOD_SECURITY", "title", "Food kits " + marker(), "peopleAffected", Map.of("total", 12),
							"urgency", "SOON"))
			.execute();
		String needId = logged.path("logAidRequest.aidRequest.id").entity(String.class).get();
		Long version = logged.path("logAidRequest.aidRequest.version").entity(Long.class).get();
		coordinator
			.document("mutation($input: ChangeAidRequestStatusInput!) { changeAidRequestStatus(input: $input) "
					+ "{ userErrors { message } } }")
			.variable("input", Map.of("id", needId, "version", version, "status", "TRIAGED"))
			.execute()
			.path("changeAidRequestStatus.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		Instant start = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		return coordinator
			.document("mutation($input: AssignVolunteerInput!) { assignVolunteer(input: $input) "
					+ "{ assignment { id } userErrors { message } } }")
			.variable("input",
					Map.of("task", Map.of("kind", "AID_REQUEST", "id", needId), "volunteerId", volunteerId, "window",
							Map.of("start", start.toString(), "end", start.plus(3, ChronoUnit.HOURS).toString()),
							"description", "Bring the kits to the school"))
			.execute()
			.path("assignVolunteer.assignment.id")
			.entity(String.class)
			.get();
	}

	private HttpGraphQlTester asVolunteer() {
		return as(RealKeycloak.accessToken(VOLUNTEER));
	}

	private HttpGraphQlTester as(String accessToken) {
		return HttpGraphQlTester.create(WebTestClient.bindToServer()
			.baseUrl(origin() + "/graphql")
			.defaultHeaders(headers -> headers.setBearerAuth(accessToken))
			.build());
	}

}
