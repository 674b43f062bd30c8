package org.hromada.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import org.hromada.support.IntegrationTest;
import org.hromada.support.MongoCommandCounter;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark of the two hottest aid request operations, over HTTP with signed tokens, on
 * the embedded store: logAidRequest, and a 50-item aidRequests page with nested
 * communities. It prints throughput, p50/p99 latency and MongoDB commands per request for
 * 3 runs; it asserts nothing about time. The audit chainer runs every second as in
 * production, so its commands are counted too. Not part of the test suite (the class name
 * does not end in Tests); run it with the command in the README.
 */
@TestPropertySource(properties = "hromada.audit.chain-interval=1s")
class AidRequestBenchmark extends IntegrationTest {

	private static final int REQUESTS = Integer.getInteger("bench.requests", 400);

	private static final int THREADS = Integer.getInteger("bench.threads", 4);

	@Autowired
	MongoCommandCounter commands;

	@Test
	void run() throws Exception {
		HttpGraphQlTester volunteer = as(TestUser.VOLUNTEER_IRPIN);
		HttpGraphQlTester coordinator = as(TestUser.COORDINATOR_KYIV);
		String page = "{ aidRequests(first: 50, orderBy: PRIORITY) { edges { node { id title priority status "
				+ "community { pcode name { en } } contact { phone } } } pageInfo { endCursor } } }";
		for (int i = 0; i < 200; i++) {
			log(volunteer);
			coordinator.document(page).execute();
		}
		System.out.printf("%nAidRequestBenchmark: %d requests per run, %d client threads, %d cores%n", REQUESTS,
				THREADS, Runtime.getRuntime().availableProcessors());
		for (int run = 1; run <= 3; run++) {
			report("logAidRequest", run, measure(i -> log(volunteer)));
			report("aidRequests page of 50", run,
					measure(i -> coordinator.document(page)
						.execute()
						.path("aidRequests.edges")
						.entityList(Object.class)
						.hasSize(50)));
		}
	}

	private static void log(HttpGraphQlTester volunteer) {
		volunteer.document(
				"mutation($input: LogAidRequestInput!) { logAidRequest(input: $input) { aidRequest { id } userErrors { code } } }")
			.variable("input",
					Map.of("clientRequestId", UUID.randomUUID().toString(), "communityPcode", "UA3214007", "sector",
							"WASH", "title", "Benchmark water delivery", "peopleAffected", Map.of("total", 12),
							"urgency", "URGENT", "location", Map.of("latitude", 50.52, "longitude", 30.25), "contact",
							Map.of("phone", "+380 67 555 00 11")))
			.execute()
			.path("logAidRequest.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private Result measure(IntConsumer request) throws Exception {
		long[] latencies = new long[REQUESTS];
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		this.commands.reset();
		long start = System.nanoTime();
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < REQUESTS; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					long began = System.nanoTime();
					request.accept(index);
					latencies[index] = System.nanoTime() - began;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Arrays.sort(latencies);
		return new Result(REQUESTS / seconds, latencies[REQUESTS / 2] / 1e6,
				latencies[(int) (REQUESTS * 0.99) - 1] / 1e6, (double) this.commands.count() / REQUESTS);
	}

	private static void report(String name, int run, Result result) {
		System.out.printf(
				"AidRequestBenchmark | %-24s | run %d | %7.1f req/s | p50 %6.1f ms | p99 %6.1f ms | %4.1f MongoDB commands/request%n",
				name, run, result.throughput(), result.p50(), result.p99(), result.commandsPerRequest());
	}

	record Result(double throughput, double p50, double p99, double commandsPerRequest) {

	}

}
