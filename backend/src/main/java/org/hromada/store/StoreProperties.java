package org.hromada.store;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where the data lives and how long the application waits for it. The database name is
 * Spring Boot's spring.mongodb.database.
 *
 * @param mongodbUri connection string of a real MongoDB; blank selects the embedded store
 * @param embedded settings of the embedded store
 * @param timeouts how long a request waits for MongoDB before it fails (defaults in
 * {@link Timeouts})
 */
@ConfigurationProperties("hromada.store")
public record StoreProperties(String mongodbUri, Embedded embedded, Timeouts timeouts) {

	public StoreProperties {
		embedded = (embedded == null) ? new Embedded(false, Path.of("data")) : embedded;
		timeouts = (timeouts == null) ? new Timeouts(null, null, null, null, null) : timeouts;
	}

	boolean usesEmbeddedStore() {
		return this.mongodbUri == null || this.mongodbUri.isBlank();
	}

	/**
	 * @param inMemory keep data in memory only (tests)
	 * @param dataDir folder of the H2 file that holds the data across restarts
	 * @param port loopback port the embedded server listens on; 0 (the default) picks a
	 * free one. Either way the server keeps its port when it is stopped and started again
	 * (tests of a store outage)
	 */
	public record Embedded(boolean inMemory, Path dataDir, int port) {

		@ConstructorBinding
		public Embedded {
			dataDir = (dataDir == null) ? Path.of("data") : dataDir;
			if (port < 0 || port > 65_535) {
				throw new IllegalArgumentException(
						"hromada.store.embedded.port must be between 0 (any free port) and 65535 but was " + port);
			}
		}

		/** Settings on any free port. */
		public Embedded(boolean inMemory, Path dataDir) {
			this(inMemory, dataDir, 0);
		}

	}

	/**
	 * Bounds on the waits for MongoDB, so that a request fails with an error instead of
	 * hanging when the store is down or stalls. A timeout given in MONGODB_URI
	 * ({@code serverSelectionTimeoutMS}, {@code connectTimeoutMS},
	 * {@code socketTimeoutMS}, {@code waitQueueTimeoutMS}) wins over the setting here.
	 * Every value must be positive.
	 *
	 * @param serverSelection longest wait for a reachable MongoDB server before an
	 * operation fails (the driver's serverSelectionTimeout); default 2 s. While MongoDB
	 * is down, each store operation fails after this long. Also bounds the wait for a new
	 * primary during a replica-set election (usually under 12 s), so requests made during
	 * an election fail and should be retried
	 * @param connect longest wait to open a connection (connectTimeout); default 2 s
	 * @param read longest wait for the answer to one operation on an open connection (the
	 * driver's socket read timeout); default 10 s. Applies to every operation, including
	 * index builds at start-up
	 * @param poolWait longest wait for a free pooled connection when all are in use
	 * (maxWaitTime); default 5 s
	 * @param health longest wait of the readiness check's ping, everything included;
	 * default 1 s, so the readiness probe (timeout 3 s) gets an answer in time
	 */
	public record Timeouts(Duration serverSelection, Duration connect, Duration read, Duration poolWait,
			Duration health) {

		public Timeouts {
			serverSelection = positive("server-selection", serverSelection, Duration.ofSeconds(2));
			connect = positive("connect", connect, Duration.ofSeconds(2));
			read = positive("read", read, Duration.ofSeconds(10));
			poolWait = positive("pool-wait", poolWait, Duration.ofSeconds(5));
			health = positive("health", health, Duration.ofSeconds(1));
		}

		private static Duration positive(String name, Duration value, Duration defaultValue) {
			if (value == null) {
				return defaultValue;
			}
			if (value.compareTo(Duration.ofMillis(1)) < 0
					|| value.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
				throw new IllegalArgumentException("hromada.store.timeouts." + name
						+ " must be at least 1 ms and at most 24 days but was " + value);
			}
			return value;
		}

	}

}
