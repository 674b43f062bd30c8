package org.hromada.observability;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityTests extends IntegrationTest {

	@Test
	void prometheusShowsOperationLatencyErrorsByClassificationAndMongoMetrics() {
		as(TestUser.COORDINATOR_KYIV).document("{ communities(first: 1) { edges { node { id } } } }").execute();
		as(TestUser.PARTNER_RELIEF).document("{ activities { edges { node { id } } } }").execute();

		String metrics = actuator().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains(
				"hromada_graphql_operation_seconds_count{operation=\"communities\",outcome=\"success\",type=\"query\"}")
			.contains("hromada_graphql_errors_total{classification=\"FORBIDDEN\"}")
			.contains("mongodb_driver_commands_seconds_count")
			.contains("mongodb_driver_pool_size");
	}

	@Test
	void everyResponseCarriesARequestIdAndAGivenOneIsKept() {
		http().post()
			.header("X-Request-Id", "client-trace-12345")
			.bodyValue("{}")
			.exchange()
			.expectHeader()
			.valueEquals("X-Request-Id", "client-trace-12345");
		http().post()
			.header("X-Request-Id", "not a safe id!")
			.bodyValue("{}")
			.exchange()
			.expectHeader()
			.value("X-Request-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));
	}

	private WebTestClient actuator() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

}
