package org.hromada.report;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Fetches 3W exports the way a client does: the threeWExport query for a one-time link,
 * then a GET of the link with the same token.
 */
final class ThreeWDownloads {

	private final int port;

	private final Function<TestUser, HttpGraphQlTester> testers;

	ThreeWDownloads(int port, Function<TestUser, HttpGraphQlTester> testers) {
		this.port = port;
		this.testers = testers;
	}

	/** The download path of an export of the filter (a StatusFilter as JSON). */
	String link(TestUser user, Map<String, Object> filter) {
		return this.testers.apply(user)
			.document("query($f: StatusFilter) { threeWExport(filter: $f) { downloadPath expiresAt } }")
			.variable("f", filter)
			.execute()
			.path("threeWExport.downloadPath")
			.entity(String.class)
			.get();
	}

	/** The CSV at the path, checked to be served as UTF-8 CSV. */
	String download(TestUser user, String path) {
		byte[] body = client(TestTokens.accessToken(user)).get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/csv;charset=UTF-8")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		return new String(body, StandardCharsets.UTF_8);
	}

	/** An export of the filter, downloaded: the text after the byte order mark. */
	String export(TestUser user, Map<String, Object> filter) {
		return download(user, link(user, filter)).substring(1);
	}

	WebTestClient client(String token) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeaders(headers -> headers.setBearerAuth(token))
			.build();
	}

}
