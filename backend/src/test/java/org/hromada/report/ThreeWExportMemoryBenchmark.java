package org.hromada.report;

import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.bson.Document;
import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Measures the heap the 3W export needs as the export grows: seeds a community with a
 * tenth of {@code bench.needs} responded needs and another with all of them, downloads
 * each export while sampling the heap, and prints rows, bytes, the peak heap above the
 * pre-export baseline and the heap retained after the export. Streaming shows as the same
 * peak for both sizes. Asserts nothing about memory or time.
 *
 * <p>
 * Not part of the test suite (the class name does not end in Tests). Run it against a
 * store in another process, so the store's own memory is not counted:
 * {@code backend/bench/export-memory.sh} (see the README, Performance).
 */
class ThreeWExportMemoryBenchmark extends IntegrationTest {

	private static final int NEEDS = Integer.getInteger("bench.needs", 100_000);

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	@Autowired
	private MongoTemplate mongo;

	@Test
	void run() throws Exception {
		String small = newCommunity("ACCESSIBLE");
		String large = newCommunity("ACCESSIBLE");
		seed(small, NEEDS / 10);
		seed(large, NEEDS);
		System.out.printf("%nThreeWExportMemoryBenchmark: max heap %d MB, %d cores%n",
				Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
		for (int run = 1; run <= 3; run++) {
			measure(small, run);
			measure(large, run);
		}
	}

	private void measure(String community, int run) throws Exception {
		String path = as(TestUser.ADMIN)
			.document("query($c: [String!]) { threeWExport(filter: { communities: $c }) { downloadPath } }")
			.variable("c", List.of(community))
			.execute()
			.path("threeWExport.downloadPath")
			.entity(String.class)
			.get();
		System.gc();
		System.gc();
		long baseline = MEMORY.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong(baseline);
		AtomicBoolean running = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (running.get()) {
				peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(2);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		AfterCollection afterCollection = new AfterCollection(baseline);
		long start = System.nanoTime();
		long bytes = 0;
		long lines = 0;
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + TestTokens.accessToken(TestUser.ADMIN))
			.build();
		try (InputStream body = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofInputStream())
			.body()) {
			byte[] buffer = new byte[64 * 1024];
			int read;
			while ((read = body.read(buffer)) > 0) {
				bytes += read;
				for (int i = 0; i < read; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
			}
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		running.set(false);
		sampler.join();
		afterCollection.close();
		System.gc();
		System.gc();
		long retained = MEMORY.getHeapMemoryUsage().getUsed() - baseline;
		System.out.printf(
				"run %d: %,7d rows, %,11d bytes, %,6d ms, peak heap above baseline %,5d MB, "
						+ "peak live heap above baseline %+,6d KB (%d collections), retained after GC %+,d KB%n",
				run, lines - 2, bytes, millis, (peak.get() - baseline) >> 20, afterCollection.peakAboveBaseline() >> 10,
				afterCollection.collections(), retained >> 10);
	}

	/**
	 * The heap in use just after each garbage collection during the export: the live set,
	 * which is what grows when an export is held in memory (the plain "used" figure also
	 * counts garbage not yet collected).
	 */
	private static final class AfterCollection implements NotificationListener, AutoCloseable {

		/**
		 * The pools of the heap; the notification also lists metaspace and code caches.
		 */
		private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getName)
			.collect(Collectors.toSet());

		private final long baseline;

		private final AtomicLong peak;

		private final AtomicLong collections = new AtomicLong();

		AfterCollection(long baseline) {
			this.baseline = baseline;
			this.peak = new AtomicLong(baseline);
			for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				((NotificationEmitter) collector).addNotificationListener(this, null, null);
			}
		}

		@Override
		public void handleNotification(Notification notification, Object handback) {
			if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
				return;
			}
			GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
				.from((CompositeData) notification.getUserData());
			long live = info.getGcInfo()
				.getMemoryUsageAfterGc()
				.entrySet()
				.stream()
				.filter(pool -> HEAP_POOLS.contains(pool.getKey()))
				.mapToLong(pool -> pool.getValue().getUsed())
				.sum();
			this.peak.accumulateAndGet(live, Math::max);
			this.collections.incrementAndGet();
		}

		long peakAboveBaseline() {
			return this.peak.get() - this.baseline;
		}

		long collections() {
			return this.collections.get();
		}

		@Override
		public void close() throws Exception {
			for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				((NotificationEmitter) collector).removeNotificationListener(this);
			}
		}

	}

	private void seed(String community, int count) {
		Instant now = Instant.now();
		int batch = 5_000;
		for (int from = 0; from < count; from += batch) {
			List<Document> needs = SeededNeeds.random(community, Math.min(batch, count - from), from, now)
				.stream()
				.map(need -> responded(need.toDocument()))
				.toList();
			this.mongo.getCollection(SeededNeeds.COLLECTION).insertMany(needs);
		}
	}

	/** Every seeded need is one someone responds to, so each becomes a row. */
	private static Document responded(Document need) {
		String status = need.getString("status");
		if (!List.of("ASSIGNED", "IN_PROGRESS", "FULFILLED", "CLOSED").contains(status)) {
			need.put("status", "ASSIGNED");
		}
		return need;
	}

}
