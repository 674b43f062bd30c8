package org.hromada.subscription;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.hromada.activity.Activity;
import org.hromada.activity.ActivityFeed;
import org.hromada.activity.ActivityService;
import org.hromada.activity.FeedOverflowException;
import org.hromada.security.Caller;
import org.hromada.support.GraphQlSockets;
import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscriptions over GraphQL over WebSocket, with a real WebSocket client: the token
 * checked in connection_init, the access rules and data sensitivity of every event, and
 * the shared poller of the activity log.
 */
class SubscriptionTests extends IntegrationTest {

	private static final String IRPIN = "UA3214007";

	private static final String KHARKIV = "UA6312015";

	private static final String PHONE = "+380 67 765 43 21";

	private static final String PHONE_DIGITS = "380677654321";

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Autowired
	private ActivityFeed feed;

	@Autowired
	private ActivityService activities;

	private final Queue<WebSocketGraphQlClient> clients = new ConcurrentLinkedQueue<>();

	private final Queue<Disposable> subscriptions = new ConcurrentLinkedQueue<>();

	@AfterEach
	void closeSockets() {
		this.subscriptions.forEach(Disposable::dispose);
		this.clients.forEach(client -> client.stop().block(WAIT));
	}

	@Test
	void connectionWithoutATokenIsClosedUnauthorized() {
		assertRefused(GraphQlSockets.connectionInit(this.port, "{}"));
		assertRefused(GraphQlSockets.connectionInit(this.port, "{\"Authorization\":\"Basic YWRtaW46YWRtaW4=\"}"));
		assertRefused(GraphQlSockets.connectionInit(this.port, "{\"Authorization\":\"Bearer not-a-token\"}"));
	}

	@Test
	void connectionWithAnExpiredTokenIsClosedUnauthorized() {
		Instant past = Instant.now().minusSeconds(3600);
		String expired = TestTokens.accessToken(TestUser.ADMIN,
				claims -> claims.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))));
		assertRefused(GraphQlSockets.connectionInit(this.port, bearer(expired)));
	}

	@Test
	void connectionWithATokenForAnotherAudienceIsClosedUnauthorized() {
		String otherAudience = TestTokens.accessToken(TestUser.ADMIN, claims -> claims.audience(List.of("account")));
		assertRefused(GraphQlSockets.connectionInit(this.port, bearer(otherAudience)));
	}

	@Test
	void connectionWithAValidTokenIsAcknowledgedAndRunsAsItsCaller() {
		ClientGraphQlResponse response = socket(TestUser.COORDINATOR_KYIV).document("{ me { username communities } }")
			.execute()
			.block(WAIT);
		assertThat(value(response, "me.username")).isEqualTo("coordinator.kyiv");
		assertThat(response.field("me.communities").toEntityList(String.class)).contains(IRPIN);
	}

	@Test
	void coordinatorReceivesNeedsOfTheirCommunityAndNotOfAnother() {
		Queue<ClientGraphQlResponse> events = subscribe(TestUser.COORDINATOR_KYIV, document("aidRequestChanged"),
				Map.of());
		String kharkivNeed = logNeed(TestUser.COORDINATOR_KHARKIV, KHARKIV);
		String irpinNeed = logNeed(TestUser.VOLUNTEER_IRPIN, IRPIN);

		await().atMost(WAIT).until(() -> ids(events, "aidRequestChanged").contains(irpinNeed));
		// The Kharkiv need was logged first: had it been delivered, it would
		// have come before.
		assertThat(ids(events, "aidRequestChanged")).doesNotContain(kharkivNeed);
		ClientGraphQlResponse irpin = event(events, "aidRequestChanged", irpinNeed);
		assertThat(value(irpin, "aidRequestChanged.community.pcode")).isEqualTo(IRPIN);
		assertThat(value(irpin, "aidRequestChanged.contact.phone")).isEqualTo(PHONE);
		assertThat(irpin.getExtensions()).doesNotContainKey("withheld");
	}

	@Test
	void coordinatorFollowingNamedCommunitiesReceivesOnlyThose() {
		Queue<ClientGraphQlResponse> events = subscribe(TestUser.COORDINATOR_KYIV, document("aidRequestChanged"),
				Map.of("communityPcodes", List.of(IRPIN)));
		String buchaNeed = logNeed(TestUser.COORDINATOR_KYIV, "UA3214003");
		String irpinNeed = logNeed(TestUser.COORDINATOR_KYIV, IRPIN);
		await().atMost(WAIT).until(() -> ids(events, "aidRequestChanged").contains(irpinNeed));
		assertThat(ids(events, "aidRequestChanged")).doesNotContain(buchaNeed);
	}

	@Test
	void everyChangeOfANeedDeliversItsCurrentState() {
		Queue<ClientGraphQlResponse> events = subscribe(TestUser.COORDINATOR_KYIV, document("aidRequestChanged"),
				Map.of("communityPcodes", List.of(IRPIN)));
		String need = logNeed(TestUser.VOLUNTEER_IRPIN, IRPIN);
		as(TestUser.COORDINATOR_KYIV)
			.document("mutation($id: ID!) { changeAidRequestStatus(input: { id: $id, version: 0, status: TRIAGED, "
					+ "note: \"Checked by phone\" }) { userErrors { code } } }")
			.variable("id", need)
			.execute()
			.path("changeAidRequestStatus.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		await().atMost(WAIT)
			.until(() -> events.stream()
				.anyMatch(event -> need.equals(value(event, "aidRequestChanged.id"))
						&& "TRIAGED".equals(value(event, "aidRequestChanged.status"))));
		ClientGraphQlResponse triaged = events.stream()
			.filter(event -> "TRIAGED".equals(value(event, "aidRequestChanged.status")))
			.filter(event -> need.equals(value(event, "aidRequestChanged.id")))
			.findFirst()
			.orElseThrow();
		assertThat(triaged.field("aidRequestChanged.statusHistory").toEntityList(Map.class))
			.extracting(change -> change.get("note"))
			.contains("Checked by phone");
		// One event per change (logged, triaged), each with the state when it was
		// delivered: when both fall into one poll, both show the triaged need.
		await().atMost(WAIT)
			.until(() -> events.stream()
				.filter(event -> need.equals(value(event, "aidRequestChanged.id")))
				.count() == 2);
		assertThat(events.stream()
			.filter(event -> need.equals(value(event, "aidRequestChanged.id")))
			.map(event -> value(event, "aidRequestChanged.status"))
			.toList()).endsWith("TRIAGED");
	}

	@Test
	void partnerReceivesNeedsWithoutPersonalData() {
		Queue<ClientGraphQlResponse> events = subscribe(TestUser.PARTNER_RELIEF, document("aidRequestChanged"),
				Map.of());
		String need = logNeed(TestUser.VOLUNTEER_IRPIN, IRPIN);
		await().atMost(WAIT).until(() -> ids(events, "aidRequestChanged").contains(need));

		ClientGraphQlResponse event = event(events, "aidRequestChanged", need);
		assertThat(value(event, "aidRequestChanged.title")).isEqualTo("Water for a shelter");
		assertThat(value(event, "aidRequestChanged.coarseCell")).isNotNull();
		assertThat(value(event, "aidRequestChanged.contact")).isNull();
		assertThat(value(event, "aidRequestChanged.location")).isNull();
		assertThat(value(event, "aidRequestChanged.description")).isNull();
		assertThat(value(event, "aidRequestChanged.reporterName")).isNull();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> withheld = (List<Map<String, Object>>) event.getExtensions().get("withheld");
		assertThat(withheld).contains(
				Map.of("path", List.of("aidRequestChanged", "contact"), "sensitivity", "CONFIDENTIAL"),
				Map.of("path", List.of("aidRequestChanged", "location"), "sensitivity", "RESTRICTED"),
				Map.of("path", List.of("aidRequestChanged", "description"), "sensitivity", "RESTRICTED"));
		// Nothing the partner received holds the phone, in any form.
		events.forEach(received -> assertThat(received.toMap().toString().replaceAll("[^0-9]", ""))
			.doesNotContain(PHONE_DIGITS));
	}

	@Test
	void eachEventReportsOnlyItsOwnWithheldFields() {
		// volunteer.irpin sees the contact of the need they logged, not of another's.
		Queue<ClientGraphQlResponse> events = subscribe(TestUser.VOLUNTEER_IRPIN, document("aidRequestChanged"),
				Map.of("communityPcodes", List.of(IRPIN)));
		String others = logNeed(TestUser.COORDINATOR_KYIV, IRPIN);
		String own = logNeed(TestUser.VOLUNTEER_IRPIN, IRPIN);
		await().atMost(WAIT).until(() -> ids(events, "aidRequestChanged").containsAll(List.of(others, own)));

		ClientGraphQlResponse ofOthers = event(events, "aidRequestChanged", others);
		assertThat(value(ofOthers, "aidRequestChanged.contact")).isNull();
		assertThat(ofOthers.getExtensions().get("withheld").toString()).contains("contact");
		ClientGraphQlResponse ofOwn = event(events, "aidRequestChanged", own);
		assertThat(value(ofOwn, "aidRequestChanged.contact.phone")).isEqualTo(PHONE);
		assertThat(ofOwn.getExtensions()).doesNotContainKey("withheld");
	}

	@Test
	void coordinatorFollowingAnotherCommunityIsForbidden() {
		List<ResponseError> errors = subscriptionErrors(TestUser.COORDINATOR_KYIV, document("aidRequestChanged"),
				Map.of("communityPcodes", List.of(IRPIN, KHARKIV)));
		assertThat(errors).extracting(error -> error.getErrorType().toString()).containsExactly("FORBIDDEN");
	}

	@Test
	void partnerCannotSubscribeToTheActivityLog() {
		List<ResponseError> errors = subscriptionErrors(TestUser.PARTNER_RELIEF, document("activityAdded"), Map.of());
		assertThat(errors).extracting(error -> error.getErrorType().toString()).containsExactly("FORBIDDEN");
	}

	@Test
	void volunteerReceivesOnlyTheirOwnActions() {
		Queue<ClientGraphQlResponse> events = subscribe(TestUser.VOLUNTEER_IRPIN, document("activityAdded"), Map.of());
		String coordinators = logNeed(TestUser.COORDINATOR_KYIV, IRPIN);
		String own = logNeed(TestUser.VOLUNTEER_IRPIN, IRPIN);
		await().atMost(WAIT).until(() -> entityIds(events).contains(own));
		assertThat(entityIds(events)).doesNotContain(coordinators);
		assertThat(events).allSatisfy(event -> assertThat(value(event, "activityAdded.actorId"))
			.isEqualTo(TestUser.VOLUNTEER_IRPIN.subject()));
	}

	@Test
	void coordinatorReceivesTheActivitiesOfTheirCommunitiesMatchingTheFilter() {
		Queue<ClientGraphQlResponse> events = subscribe(TestUser.COORDINATOR_KYIV, document("activityAdded"),
				Map.of("filter", Map.of("entityType", "AidRequest")));
		String kharkiv = logNeed(TestUser.COORDINATOR_KHARKIV, KHARKIV);
		String irpin = logNeed(TestUser.VOLUNTEER_IRPIN, IRPIN);
		await().atMost(WAIT).until(() -> entityIds(events).contains(irpin));
		assertThat(entityIds(events)).doesNotContain(kharkiv);
		assertThat(events).allSatisfy(event -> {
			assertThat(value(event, "activityAdded.entityType")).isEqualTo("AidRequest");
			assertThat(TestUser.COORDINATOR_KYIV.communities())
				.contains((String) value(event, "activityAdded.communityPcode"));
		});
	}

	@Test
	void subscriptionsEndWhenTheTokenExpires() {
		// Expired 25 s ago: still valid for 5 s of the 30 s clock skew.
		Instant now = Instant.now();
		String expiring = TestTokens.accessToken(TestUser.ADMIN,
				claims -> claims.issueTime(Date.from(now.minusSeconds(300)))
					.expirationTime(Date.from(now.minusSeconds(25))));
		WebSocketGraphQlClient client = GraphQlSockets.client(this.port, expiring);
		this.clients.add(client);
		AtomicReference<Throwable> ended = new AtomicReference<>();
		this.subscriptions.add(client.document(document("activityAdded")).executeSubscription().subscribe(event -> {
		}, ended::set));
		await().atMost(WAIT).until(() -> ended.get() != null);
		assertThat(ended.get()).isInstanceOf(SubscriptionErrorException.class);
		assertThat(((SubscriptionErrorException) ended.get()).getErrors())
			.extracting(error -> error.getErrorType().toString())
			.containsExactly("UNAUTHORIZED");
		// And the connection no longer admits anything.
		ClientGraphQlResponse me = client.document("{ me { id } }").execute().block(WAIT);
		assertThat(me.getErrors()).extracting(error -> error.getErrorType().toString()).containsExactly("UNAUTHORIZED");
	}

	@Test
	void subscriptionsOverHttpAreRefusedAfterTheirAccessRules() {
		String subscription = "subscription { activityAdded { id } }";
		as(TestUser.ADMIN).document(subscription)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(error -> error.getErrorType().toString())
				.containsExactly("BAD_REQUEST"));
		as(TestUser.PARTNER_RELIEF).document(subscription)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(error -> error.getErrorType().toString())
				.containsExactly("FORBIDDEN"));
		// Nor as server-sent events.
		List<String> events = http().mutate()
			.defaultHeaders(headers -> headers.setBearerAuth(TestTokens.accessToken(TestUser.ADMIN)))
			.build()
			.post()
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(Map.of("query", subscription))
			.exchange()
			.returnResult(String.class)
			.getResponseBody()
			.filter(event -> !event.isBlank())
			.collectList()
			.block(WAIT);
		assertThat(events).singleElement().asString().contains("\"errors\"").doesNotContain("\"data\"");
	}

	@Test
	void aSubscriberTooFarBehindIsEndedInsteadOfBufferingWithoutBound() {
		Queue<Activity> taken = new ConcurrentLinkedQueue<>();
		AtomicReference<Throwable> ended = new AtomicReference<>();
		BaseSubscriber<Activity> stalled = new BaseSubscriber<>() {
			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				// Takes nothing for now: a client that stopped reading.
			}

			@Override
			protected void hookOnNext(Activity activity) {
				taken.add(activity);
			}

			@Override
			protected void hookOnError(Throwable error) {
				ended.set(error);
			}
		};
		Queue<Activity> everything = new ConcurrentLinkedQueue<>();
		this.subscriptions.add(this.feed.entries().subscribe(everything::add));
		this.feed.entries().subscribe(stalled);
		this.subscriptions.add(stalled);
		this.activities.recordAll(Caller.SYSTEM,
				IntStream.range(0, 300)
					.mapToObj(i -> new ActivityService.Entry("test.flood", "Test", "flood-" + i, null, "Flood " + i))
					.toList());
		await().atMost(WAIT)
			.until(() -> everything.stream().anyMatch(activity -> "flood-299".equals(activity.entityId())));

		// It reads again: it gets what its bounded buffer held, then the
		// error that ended it.
		stalled.request(Long.MAX_VALUE);
		await().atMost(WAIT).until(() -> ended.get() != null);
		assertThat(ended.get()).isInstanceOf(FeedOverflowException.class);
		assertThat(taken).hasSizeLessThanOrEqualTo(256);
	}

	@Test
	void theLogIsPolledOnlyWhileSomeoneIsSubscribed() {
		Queue<ClientGraphQlResponse> events = subscribe(TestUser.ADMIN, document("activityAdded"), Map.of());
		String need = logNeed(TestUser.COORDINATOR_KYIV, IRPIN);
		await().atMost(WAIT).until(() -> entityIds(events).contains(need));
		assertThat(this.feed.polling()).isTrue();
		closeSockets();
		await().atMost(WAIT).until(() -> !this.feed.polling());
	}

	private static void assertRefused(GraphQlSockets.Refusal refusal) {
		assertThat(refusal.status().getCode()).isEqualTo(4401);
		assertThat(refusal.messages()).noneMatch(message -> message.contains("connection_ack"));
		// The client is not told why.
		assertThat(refusal.status().getReason()).isEqualTo("Unauthorized");
	}

	private static String bearer(String token) {
		return "{\"Authorization\":\"Bearer " + token + "\"}";
	}

	private WebSocketGraphQlClient socket(TestUser user) {
		WebSocketGraphQlClient client = GraphQlSockets.client(this.port, TestTokens.accessToken(user));
		this.clients.add(client);
		return client;
	}

	/**
	 * Subscribes as the user and collects the events; returns once the server has taken
	 * the subscription in (a query sent after it on the same socket was answered, and the
	 * server handles a socket's messages in order).
	 */
	private Queue<ClientGraphQlResponse> subscribe(TestUser user, String document, Map<String, Object> variables) {
		WebSocketGraphQlClient client = socket(user);
		Queue<ClientGraphQlResponse> events = new ConcurrentLinkedQueue<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		this.subscriptions.add(client.document(document)
			.variables(variables)
			.executeSubscription()
			.subscribe(events::add, failure::set));
		client.document("{ me { id } }").execute().block(WAIT);
		assertThat(failure.get()).as("subscription failure").isNull();
		return events;
	}

	private List<ResponseError> subscriptionErrors(TestUser user, String document, Map<String, Object> variables) {
		// Refused before anything is subscribed: a single result with the
		// error, then complete.
		ClientGraphQlResponse response;
		try {
			response = socket(user).document(document).variables(variables).executeSubscription().blockFirst(WAIT);
		}
		catch (SubscriptionErrorException ex) {
			return ex.getErrors();
		}
		assertThat(response).as("the refusal").isNotNull();
		assertThat(response.<Object>getData()).isNull();
		return response.getErrors();
	}

	private String logNeed(TestUser user, String communityPcode) {
		Map<String, Object> input = new HashMap<>();
		input.put("clientRequestId", UUID.randomUUID().toString());
		input.put("communityPcode", communityPcode);
		input.put("sector", "WASH");
		input.put("title", "Water for a shelter");
		input.put("description", "Family of Olena Shevchenko, no water since Monday");
		input.put("peopleAffected", Map.of("total", 12));
		input.put("urgency", "URGENT");
		input.put("location", Map.of("latitude", 50.5218, "longitude", 30.2506));
		input.put("contact", Map.of("name", "Olena Shevchenko", "phone", PHONE));
		return as(user)
			.document("mutation($input: LogAidRequestInput!) { logAidRequest(input: $input) "
					+ "{ aidRequest { id } userErrors { message } } }")
			.variable("input", input)
			.execute()
			.path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
	}

	private static List<Object> ids(Queue<ClientGraphQlResponse> events, String field) {
		return events.stream().map(event -> value(event, field + ".id")).toList();
	}

	private static List<Object> entityIds(Queue<ClientGraphQlResponse> events) {
		return events.stream().map(event -> value(event, "activityAdded.entityId")).toList();
	}

	private static ClientGraphQlResponse event(Queue<ClientGraphQlResponse> events, String field, String id) {
		return events.stream().filter(event -> id.equals(value(event, field + ".id"))).findFirst().orElseThrow();
	}

	private static Object value(ClientGraphQlResponse response, String path) {
		return response.field(path).getValue();
	}

	private static String document(String name) {
		try {
			return new ClassPathResource("graphql-test/" + name + ".graphql")
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
