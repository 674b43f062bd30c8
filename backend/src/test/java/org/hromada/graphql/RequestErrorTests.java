package org.hromada.graphql;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the server cannot run get a clear error and never a stack trace or an internal
 * name.
 */
class RequestErrorTests extends IntegrationTest {

	@Test
	void malformedJsonIsABadRequestWithAGraphQlErrorBody() {
		post("{\"query\": \"{ me { id } ").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.value(String.class, message -> assertThat(message).contains("JSON"))
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("BAD_REQUEST");
	}

	@Test
	void unknownFieldIsAValidationErrorNamingIt() {
		post("{\"query\": \"{ me { id shoeSize } }\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.value(String.class, message -> assertThat(message).contains("shoeSize"))
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("ValidationError");
	}

	@Test
	void argumentOfTheWrongTypeIsAValidationErrorNamingIt() {
		post("{\"query\": \"{ communities(first: \\\"ten\\\") { pageInfo { hasNextPage } } }\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.value(String.class, message -> assertThat(message).contains("first"))
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("ValidationError");
	}

	@Test
	void malformedCursorIsABadRequest() {
		post("{\"query\": \"{ communities(after: \\\"garbage!\\\") { pageInfo { hasNextPage } } }\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].message")
			.value(String.class, message -> assertThat(message).contains("cursor"));
	}

	@Test
	void errorsNeverCarryStackTracesOrClassNames() {
		String body = new String(
				post("{\"query\": \"{ communities(after: \\\"Z2FyYmFnZQ==\\\") { pageInfo { hasNextPage } } }\"}")
					.expectBody()
					.returnResult()
					.getResponseBodyContent());
		assertThat(body).doesNotContain("Exception", "org.hromada", "org.springframework", "\tat ");
	}

	private WebTestClient.ResponseSpec post(String body) {
		return http().mutate()
			.defaultHeaders(headers -> headers.setBearerAuth(TestTokens.accessToken(TestUser.ADMIN)))
			.build()
			.post()
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
