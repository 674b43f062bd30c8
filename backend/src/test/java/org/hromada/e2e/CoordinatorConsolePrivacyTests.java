package org.hromada.e2e;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.devtools.v156.network.model.RequestId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator of another community (coordinator.kharkiv) going through every console
 * screen, and straight to the address of an Irpin need's page, never gets the seeded
 * Irpin needs' phones, contact names, descriptions or exact coordinates: not in the page,
 * not in any response or WebSocket message the browser received, not in what the browser
 * keeps.
 */
class CoordinatorConsolePrivacyTests extends CoordinatorConsoleSupport {

	@Test
	void aCoordinatorOfAnotherCommunitySeesNoneOfTheSeededNeedsPersonalData() {
		String phone = "+380 97 " + (100 + (int) (Math.random() * 800)) + " 4411";
		String contactName = "Halyna Pryvatna " + marker();
		String description = "Behind the blue gate, second door " + marker();
		double latitude = 50.51 + Math.random() / 100;
		double longitude = 30.23 + Math.random() / 100;
		Map<String, Object> input = need("Medicine delivery " + marker());
		input.put("contact", Map.of("name", contactName, "phone", phone));
		input.put("description", description);
		input.put("location", Map.of("latitude", latitude, "longitude", longitude));
		String needId = log(VOLUNTEER, input);
		offerToTheVolunteer(needId);
		List<String> secrets = List.of(phone, contactName, description, marker(), String.valueOf(latitude),
				String.valueOf(longitude));

		DevTools devTools = this.browser.driver().getDevTools();
		devTools.createSession();
		List<RequestId> apiResponses = new CopyOnWriteArrayList<>();
		List<String> socketMessages = new CopyOnWriteArrayList<>();
		devTools.send(Network.enable(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
				Optional.empty()));
		devTools.addListener(Network.responseReceived(), (response) -> {
			if (response.getResponse().getUrl().endsWith("/graphql")) {
				apiResponses.add(response.getRequestId());
			}
		});
		devTools.addListener(Network.webSocketFrameReceived(),
				(frame) -> socketMessages.add(frame.getResponse().getPayloadData()));

		signIn(OTHER_COORDINATOR);
		StringBuilder seen = new StringBuilder();
		open("queue");
		this.browser.awaitText("#live-status", "Live:");
		this.browser.element("#f-queue-community");
		seen.append(this.browser.driver().getPageSource());
		this.browser.screenshot("10-other-community-queue");
		// Logged while the other coordinator watches: the live feed must not carry it
		// either.
		log(VOLUNTEER, input(input));
		open("board");
		this.browser.awaitText("h1", "Assignments board");
		this.browser.element(".board");
		seen.append(this.browser.driver().getPageSource());
		open("need/" + needId);
		this.browser.awaitText(".notice.error", "not in your communities");
		seen.append(this.browser.driver().getPageSource());
		this.browser.screenshot("11-other-community-need");
		this.browser.assertAccessible("a need of another community");

		StringBuilder received = new StringBuilder();
		for (RequestId id : apiResponses) {
			received.append(devTools.send(Network.getResponseBody(id)).getBody()).append('\n');
		}
		socketMessages.forEach((message) -> received.append(message).append('\n'));
		assertThat(apiResponses).as("the console did call the API").isNotEmpty();
		String stored = this.browser.storedData();
		for (String secret : secrets) {
			assertThat(seen).as("the page").doesNotContain(secret);
			assertThat(received).as("the responses and socket messages").doesNotContain(secret);
			assertThat(stored).as("what the browser keeps").doesNotContain(secret);
		}
	}

	/** Another need of the same content, with its own idempotency key. */
	private static Map<String, Object> input(Map<String, Object> like) {
		Map<String, Object> again = new java.util.HashMap<>(like);
		again.put("clientRequestId", java.util.UUID.randomUUID().toString());
		return again;
	}

	private void offerToTheVolunteer(String needId) {
		String contactName = as(COORDINATOR).document("query($id: ID!) { aidRequest(id: $id) { contact { name } } }")
			.variable("id", needId)
			.execute()
			.path("aidRequest.contact.name")
			.entity(String.class)
			.get();
		offer(triaged(needId), volunteerId(VOLUNTEER),
				Instant.now().plus(30, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES), 2,
				"Bring the medicine to " + contactName);
	}

}
