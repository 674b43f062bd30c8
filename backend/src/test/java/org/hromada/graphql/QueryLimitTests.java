package org.hromada.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.introspection.Introspection;
import graphql.parser.Parser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.hromada.support.AbusiveRequests;
import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abusive requests are refused early and cheaply with an error naming the limit, and the
 * server goes on serving. Each refusal's time is printed (server time from the HTTP
 * metrics, and the client's round trip), never asserted.
 */
class QueryLimitTests extends IntegrationTest {

	private static final String ME = "{ me { id } }";

	private static final String PER_ITEM = " (each field counts 1, times the items each list around it can return)";

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private GraphQlSource graphQlSource;

	/** Every refusal must leave the server healthy. */
	@AfterEach
	void serverStillAnswers() {
		as(TestUser.ADMIN).document(ME)
			.execute()
			.path("me.id")
			.entity(String.class)
			.isEqualTo(TestUser.ADMIN.subject());
	}

	@Test
	void legitimateQueriesPass() {
		timed("baseline { me { id } }", () -> post(ME, TestTokens.accessToken(TestUser.ADMIN)));
		// The deepest path of the schema (7) with fragments, and the most common page
		// query.
		as(TestUser.ADMIN)
			.document("query { aidRequests(first: 100) { edges { node { ...Need } } pageInfo { hasNextPage } } } "
					+ "fragment Need on AidRequest { id title community { pcode adm1 { name { en uk } } } "
					+ "priorityExplanation { factors { factor value } override { by } } }")
			.execute()
			.path("aidRequests.pageInfo.hasNextPage")
			.hasValue();
	}

	/**
	 * GraphiQL's (graphql-js 16) introspection query is 15 deep: its type references nest
	 * 9 ofType.
	 */
	@Test
	void graphiqlIntrospectionQueryFitsTheDefaults() {
		String query = "query IntrospectionQuery { __schema { queryType { name } types { ...FullType } "
				+ "directives { name description locations args { ...InputValue } } } } "
				+ "fragment FullType on __Type { kind name description fields(includeDeprecated: true) { name description "
				+ "args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason } inputFields { ...InputValue } "
				+ "interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } "
				+ "possibleTypes { ...TypeRef } } "
				+ "fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue } "
				+ "fragment TypeRef on __Type { kind name " + "ofType { kind name ".repeat(9) + "}".repeat(9) + " }";
		assertThat(QueryLimitMeasure.of(Parser.parse(query)).depth()).isEqualTo(15);
		as(TestUser.ADMIN).document(query)
			.execute()
			.path("__schema.types")
			.entityList(Object.class)
			.hasSizeGreaterThan(10);
	}

	@Test
	void depthBombIsRefused() {
		// The schema's own types do not nest (no type references itself), introspection's
		// do: __Type.ofType.
		String query = "{ __type(name: \"AidRequest\") { " + "ofType { ".repeat(50) + "name" + " }".repeat(50) + " } }";
		assertRefused(timed("depth 52", () -> post(query, TestTokens.accessToken(TestUser.ADMIN))),
				"Query depth 52 exceeds the limit of 15");
	}

	@Test
	void depthThroughFragmentsIsCounted() {
		String query = "{ __type(name: \"AidRequest\") { ...Deep } } fragment Deep on __Type { "
				+ "ofType { ".repeat(14) + "name" + " }".repeat(14) + " }";
		assertRefused(post(query, TestTokens.accessToken(TestUser.ADMIN)), "Query depth 16 exceeds the limit of 15");
	}

	@Test
	void aliasBombIsRefused() {
		String query = IntStream.range(0, 1000)
			.mapToObj(i -> "a" + i + ": me { id }")
			.collect(Collectors.joining(" ", "{ ", " }"));
		assertRefused(timed("1,000 aliases", () -> post(query, TestTokens.accessToken(TestUser.ADMIN))),
				"Query alias count 1000 exceeds the limit of 30");
	}

	@Test
	void threeThousandFieldsAreRefused() {
		assertRefused(
				timed("3,000 fields",
						() -> post(AbusiveRequests.THREE_THOUSAND_FIELDS, TestTokens.accessToken(TestUser.ADMIN))),
				AbusiveRequests.THREE_THOUSAND_FIELDS_REFUSAL);
	}

	@Test
	void twentyOneThousandFieldsAreRefusedBeforeValidation() {
		// Within the token limit: a fragment of 1,000 fields spread 21 times.
		String query = "{ " + "...F ".repeat(21) + "} fragment F on Query { " + "__typename ".repeat(1000) + "}";
		assertRefused(timed("21,000 fields", () -> post(query, TestTokens.accessToken(TestUser.ADMIN))),
				"Query field count 21000 exceeds the limit of 2000");
	}

	@Test
	void pagesOfRecordsWithTheirListsCountEveryItemTheyCanReturn() {
		// 30 aliases of a page of 100 projects with their (up to 100) linked needs: 30 *
		// (1 + 100 * (1 + 1 + 100 * (1 + 2))) values, far within the flat field count.
		String page = "projects(first: 100) { edges { node { linkedAidRequests { id title } } } }";
		String query = IntStream.range(0, 30)
			.mapToObj(i -> "p" + i + ": " + page)
			.collect(Collectors.joining(" ", "{ ", " }"));
		assertThat(QueryLimitMeasure.of(Parser.parse(query)).fields()).isEqualTo(30 * 6);
		assertRefused(
				timed("30 pages of projects with linked needs",
						() -> post(query, TestTokens.accessToken(TestUser.ADMIN))),
				"Query complexity " + 30 * (1 + 100 * (1 + 1 + 100 * 3)) + " exceeds the limit of 20000" + PER_ITEM);
		// A milestone's assignments are bounded by their own first.
		String assignments = "{ project(id: \"any\") { milestones { assignments(first: 100) { id } } } }";
		assertRefused(post(assignments, TestTokens.accessToken(TestUser.ADMIN)),
				"Query complexity " + (1 + 100 * (1 + 100 * 2)) + " exceeds the limit of 20000" + PER_ITEM);
		// Past what one field can count, the figure is a lower bound.
		String huge = "{ projects(first: 100) { edges { node { milestones { assignments(first: 100) { id } } } } } }";
		assertRefused(post(huge, TestTokens.accessToken(TestUser.ADMIN)),
				"Query complexity at least " + Integer.MAX_VALUE / 20001 + " exceeds the limit of 20000" + PER_ITEM);
	}

	@Test
	void smallerPagesOfTheSameRecordsPass() {
		String query = "{ a: projects(first: 5) { edges { node { linkedAidRequests { id title } } } } "
				+ "b: projects(first: 2) { edges { node { milestones { assignments(first: 5) { id } } } } } "
				+ "c: project(id: \"any\") { milestones { assignments(first: 50) { id } } } }";
		as(TestUser.ADMIN).document(query)
			.execute()
			.path("a.edges")
			.entityList(Object.class)
			.satisfies(edges -> assertThat(edges).hasSizeLessThanOrEqualTo(5))
			.path("b.edges")
			.entityList(Object.class)
			.satisfies(edges -> assertThat(edges).hasSizeLessThanOrEqualTo(2))
			.path("c")
			.valueIsNull();
	}

	@Test
	void fragmentBombIsRefusedWithoutExpandingIt() {
		// 2^40 fields once expanded: measured once per fragment, never expanded.
		StringBuilder query = new StringBuilder("{ ...F0 } ");
		for (int i = 0; i < 40; i++) {
			query.append("fragment F")
				.append(i)
				.append(" on Query { ...F")
				.append(i + 1)
				.append(" ...F")
				.append(i + 1)
				.append(" } ");
		}
		query.append("fragment F40 on Query { __typename }");
		assertRefused(
				timed("fragment bomb (2^40 fields)",
						() -> post(query.toString(), TestTokens.accessToken(TestUser.ADMIN))),
				"Query field count 1099511627776 exceeds the limit of 2000");
	}

	@Test
	void tooManyTokensAreRefusedByTheParser() {
		String query = "{ me { " + "id ".repeat(16_000) + "} }";
		assertRefused(timed("16,000 tokens", () -> post(query, TestTokens.accessToken(TestUser.ADMIN))),
				"Query token count exceeds the limit of 15000");
	}

	@Test
	void validationErrorsAreCapped() {
		String query = IntStream.range(0, 50)
			.mapToObj(i -> "unknown" + i)
			.collect(Collectors.joining(" ", "{ me { ", " } }"));
		String body = body(timed("50 validation errors", () -> post(query, TestTokens.accessToken(TestUser.ADMIN))));
		List<String> classifications = JsonPath.read(body, "$.errors[*].extensions.classification");
		List<String> messages = JsonPath.read(body, "$.errors[*].message");
		assertThat(classifications).hasSize(10).endsWith("BAD_REQUEST").containsOnlyOnce("BAD_REQUEST");
		assertThat(classifications.subList(0, 9)).containsOnly("ValidationError");
		assertThat(messages).last()
			.isEqualTo("Validation stopped at the limit of 10 errors; only the first 9 are reported");
		assertThat(JsonPath.<Map<String, Object>>read(body, "$")).doesNotContainKey("data");
	}

	/**
	 * The default max-request-size, 6 MB: a 5 MB gazetteer CSV plus its JSON escaping.
	 */
	private static final int BODY_LIMIT = 6 * 1024 * 1024;

	@Test
	void tenMegabyteBodyIsRefusedWith413() {
		byte[] body = paddedBody(10 * 1024 * 1024);
		assertBodyRefused(
				timed("10 MB body, admin token", 2, () -> postBytes(body, TestTokens.accessToken(TestUser.ADMIN))),
				"Request body size " + body.length + " bytes exceeds the limit of " + BODY_LIMIT + " bytes");
	}

	@Test
	void tenMegabyteBodyIsRefusedBeforeAuthentication() {
		byte[] body = paddedBody(10 * 1024 * 1024);
		assertBodyRefused(timed("10 MB body, no token", 2, () -> postBytes(body, null)),
				"Request body size " + body.length + " bytes exceeds the limit of " + BODY_LIMIT + " bytes");
	}

	@Test
	void chunkedBodyOverTheLimitIsRefusedBeforeAuthentication() {
		byte[] body = paddedBody(BODY_LIMIT + 1024 * 1024);
		assertBodyRefused(timed("7 MB chunked body, no token", () -> postChunked(body, null)),
				"Request body size exceeds the limit of " + BODY_LIMIT + " bytes");
	}

	@Test
	void chunkedBodyUnderTheLimitIsServed() {
		byte[] body = "{\"query\": \"{ me { id } }\"}".getBytes(StandardCharsets.UTF_8);
		String response = body(postChunked(body, TestTokens.accessToken(TestUser.ADMIN)));
		assertThat(response).contains("\"id\":\"" + TestUser.ADMIN.subject() + "\"");
	}

	@Test
	void bodyJustUnderTheLimitIsServed() {
		String response = body(postBytes(paddedBody(BODY_LIMIT - 10 * 1024), TestTokens.accessToken(TestUser.ADMIN)));
		assertThat(response).contains("\"id\":\"" + TestUser.ADMIN.subject() + "\"");
	}

	@Test
	void queryOverSeveralLimitsGetsAnErrorForEach() {
		String query = IntStream.range(0, 40)
			.mapToObj(i -> "a" + i + ": __typename")
			.collect(Collectors.joining(" ", "{ ", " ")) + "__type(name: \"AidRequest\") { " + "ofType { ".repeat(20)
				+ "name" + " }".repeat(20) + " } }";
		assertRefused(post(query, TestTokens.accessToken(TestUser.ADMIN)), "Query depth 22 exceeds the limit of 15",
				"Query alias count 40 exceeds the limit of 30");
	}

	@Test
	void productionProfileTurnsIntrospectionAndGraphiqlOff() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
		// Highest precedence first: the production profile, then the defaults.
		for (String file : List.of("application-production.yml", "application.yml")) {
			for (PropertySource<?> source : loader.load(file, new ClassPathResource(file))) {
				environment.getPropertySources().addLast(source);
			}
		}
		assertThat(environment.getProperty("spring.graphql.schema.introspection.enabled", Boolean.class)).isFalse();
		assertThat(environment.getProperty("spring.graphql.graphiql.enabled", Boolean.class)).isFalse();
	}

	@Test
	void introspectionIsRefusedWhenDisabled() {
		// Spring Boot disables introspection through graphql-java's JVM-wide switch; the
		// per-request switch
		// is the same check, and leaves the other tests (whose profile enables
		// introspection) alone.
		ExecutionResult result = this.graphQlSource.graphQl()
			.execute(ExecutionInput.newExecutionInput("{ __schema { queryType { name } } }")
				.graphQLContext(Map.of(Introspection.INTROSPECTION_DISABLED, true))
				.build());
		assertThat(result.getErrors()).singleElement()
			.satisfies(error -> assertThat(error.getMessage()).containsIgnoringCase("introspection"));
		assertThat((Object) result.getData()).isNull();
	}

	@Test
	void measureCountsFieldsAliasesAndDepthOnTheSyntax() {
		QueryLimitMeasure measure = QueryLimitMeasure.of(Parser.parse(
				"query { a: me { id } ...F ... on Query { b: me { id } } } fragment F on Query { me { c: id } ...G } "
						+ "fragment G on Query { x { y { z } } } fragment H on Query { ...H }"));
		assertThat(measure).isEqualTo(new QueryLimitMeasure(3, 9, 3));
	}

	private static void assertRefused(EntityExchangeResult<byte[]> result, String... messages) {
		assertThat(result.getStatus().value()).isEqualTo(200);
		String body = body(result);
		assertThat(body).doesNotContain("Exception", "\tat ");
		assertThat(JsonPath.<List<String>>read(body, "$.errors[*].message")).containsExactly(messages);
		assertThat(JsonPath.<List<String>>read(body, "$.errors[*].extensions.classification"))
			.containsOnly("BAD_REQUEST");
		assertThat(JsonPath.<Map<String, Object>>read(body, "$")).doesNotContainKey("data");
	}

	private static void assertBodyRefused(EntityExchangeResult<byte[]> result, String message) {
		assertThat(result.getStatus().value()).isEqualTo(413);
		assertThat(body(result)).isEqualTo(
				"{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"classification\":\"BAD_REQUEST\"}}]}");
	}

	/**
	 * A JSON request body of about the given size: a small query and a long unused
	 * variable.
	 */
	private static byte[] paddedBody(int size) {
		byte[] body = new byte[size];
		byte[] head = "{\"query\": \"{ me { id } }\", \"variables\": {\"pad\": \"".getBytes(StandardCharsets.UTF_8);
		byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
		Arrays.fill(body, (byte) 'x');
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(tail, 0, body, size - tail.length, tail.length);
		return body;
	}

	private EntityExchangeResult<byte[]> post(String query, String token) {
		return client(token).post()
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query))
			.exchange()
			.expectBody()
			.returnResult();
	}

	private EntityExchangeResult<byte[]> postBytes(byte[] body, String token) {
		return client(token).post()
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectBody()
			.returnResult();
	}

	/** Sent in 8 KB pieces without a Content-Length: chunked transfer encoding. */
	private EntityExchangeResult<byte[]> postChunked(byte[] body, String token) {
		int piece = 8 * 1024;
		Flux<byte[]> pieces = Flux.range(0, (body.length + piece - 1) / piece)
			.map(i -> Arrays.copyOfRange(body, i * piece, Math.min(body.length, (i + 1) * piece)));
		return client(token).post()
			.contentType(MediaType.APPLICATION_JSON)
			.body(pieces, byte[].class)
			.exchange()
			.expectBody()
			.returnResult();
	}

	private WebTestClient client(String token) {
		return (token != null) ? http().mutate().defaultHeaders(headers -> headers.setBearerAuth(token)).build()
				: http();
	}

	private EntityExchangeResult<byte[]> timed(String what, Supplier<EntityExchangeResult<byte[]>> call) {
		return timed(what, 5, call);
	}

	/**
	 * Runs the call once cold, then {@code warmRuns} times, and prints the server time
	 * (the growth of the HTTP server timers, recorded once the response is complete, so
	 * waited for) and the round trip as the client saw it: of the cold run, and the
	 * median of the warm runs. Returns the last run.
	 */
	private EntityExchangeResult<byte[]> timed(String what, int warmRuns, Supplier<EntityExchangeResult<byte[]>> call) {
		Timing cold = timedOnce(call);
		List<Timing> warm = new ArrayList<>();
		for (int i = 0; i < warmRuns; i++) {
			warm.add(timedOnce(call));
		}
		Timing last = warm.get(warm.size() - 1);
		double[] server = warm.stream().mapToDouble(Timing::serverMillis).sorted().toArray();
		double[] roundTrip = warm.stream().mapToDouble(Timing::roundTripMillis).sorted().toArray();
		System.out.printf(
				"[query limits] %-28s HTTP %d | server: cold %7.1f ms, warm median %6.1f ms "
						+ "| round trip: cold %7.1f ms, warm median %7.1f ms%n",
				what, last.result.getStatus().value(), cold.serverMillis, server[server.length / 2],
				cold.roundTripMillis, roundTrip[roundTrip.length / 2]);
		return last.result;
	}

	private Timing timedOnce(Supplier<EntityExchangeResult<byte[]>> call) {
		long countBefore = serverRequestCount();
		double millisBefore = serverMillis();
		long start = System.nanoTime();
		EntityExchangeResult<byte[]> result = call.get();
		double roundTrip = (System.nanoTime() - start) / 1e6;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (serverRequestCount() <= countBefore && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		double server = (serverRequestCount() > countBefore) ? serverMillis() - millisBefore : Double.NaN;
		return new Timing(result, server, roundTrip);
	}

	private record Timing(EntityExchangeResult<byte[]> result, double serverMillis, double roundTripMillis) {

	}

	private long serverRequestCount() {
		return this.meters.find("http.server.requests").timers().stream().mapToLong(Timer::count).sum();
	}

	private double serverMillis() {
		return this.meters.find("http.server.requests")
			.timers()
			.stream()
			.mapToDouble(timer -> timer.totalTime(TimeUnit.MILLISECONDS))
			.sum();
	}

	private static String body(EntityExchangeResult<byte[]> result) {
		byte[] content = result.getResponseBodyContent();
		return (content != null) ? new String(content, StandardCharsets.UTF_8) : "";
	}

}
