package org.hromada.aid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.aid.AidRequestFixtures.IRPIN;
import static org.hromada.aid.AidRequestFixtures.need;

class AidRequestConcurrencyTests extends IntegrationTest {

	@Test
	void twoConcurrentChangesFromTheSameVersionNeverBothWin() throws Exception {
		for (int round = 0; round < 5; round++) {
			String id = as(TestUser.VOLUNTEER_IRPIN).documentName("logAidRequest")
				.variable("input", need(IRPIN))
				.execute()
				.path("logAidRequest.aidRequest.id")
				.entity(String.class)
				.get();
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Callable<GraphQlTester.Response>> calls = new ArrayList<>();
				for (String title : List.of("Edited by A", "Edited by B")) {
					calls.add(() -> as(TestUser.COORDINATOR_KYIV).documentName("updateAidRequest")
						.variable("input", Map.of("id", id, "version", 0, "title", title))
						.execute());
				}
				List<String> outcomes = new ArrayList<>();
				List<String> winners = new ArrayList<>();
				for (Future<GraphQlTester.Response> future : pool.invokeAll(calls)) {
					GraphQlTester.Response response = future.get();
					List<String> codes = response.path("updateAidRequest.userErrors[*].code")
						.entityList(String.class)
						.get();
					if (codes.isEmpty()) {
						outcomes.add("OK");
						winners.add(response.path("updateAidRequest.aidRequest.title").entity(String.class).get());
					}
					else {
						outcomes.addAll(codes);
					}
				}
				assertThat(outcomes).containsExactlyInAnyOrder("OK", "CONFLICT");
				as(TestUser.COORDINATOR_KYIV).documentName("aidRequest")
					.variable("id", id)
					.execute()
					.path("aidRequest.title")
					.entity(String.class)
					.isEqualTo(winners.get(0))
					.path("aidRequest.version")
					.entity(Long.class)
					.isEqualTo(1L);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void volunteerOfTheSameCommunityMayNotChangeANeedSomeoneElseLogged() {
		String id = as(TestUser.VOLUNTEER_IRPIN).documentName("logAidRequest")
			.variable("input", need(IRPIN))
			.execute()
			.path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
		String neighbour = TestTokens.accessToken(TestUser.VOLUNTEER_IRPIN,
				claims -> claims.subject("test-another-irpin-volunteer").claim("preferred_username", "another.irpin"));
		withToken(neighbour).documentName("updateAidRequest")
			.variable("input", Map.of("id", id, "version", 0, "title", "Not mine"))
			.execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("FORBIDDEN"))
			.verify();
		withToken(neighbour).documentName("aidRequest")
			.variable("id", id)
			.execute()
			.path("aidRequest.title")
			.entity(String.class)
			.isEqualTo("Drinking water for a shelter")
			.path("aidRequest.contact")
			.valueIsNull();
	}

}
