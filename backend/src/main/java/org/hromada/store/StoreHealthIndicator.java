package org.hromada.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Readiness of the store: a ping round trip to MongoDB. It replaces Spring Boot's MongoDB
 * indicator, whose hello command the embedded server does not understand; ping works on
 * both stores.
 * <p>
 * The ping has its own short bound, {@code hromada.store.timeouts.health} (default 1 s),
 * covering server selection, connecting and the answer, so that while MongoDB is down
 * readiness answers DOWN within that time, well inside the readiness probe's timeout,
 * instead of after the longer bounds of requests. Each check goes to the server (nothing
 * is cached), so readiness is UP again at the first probe after MongoDB is back.
 */
@Component("mongoHealthIndicator")
class StoreHealthIndicator implements HealthIndicator {

	private static final Document PING = new Document("ping", 1);

	private final MongoTemplate mongo;

	private final Duration timeout;

	StoreHealthIndicator(MongoTemplate mongo, StoreProperties store) {
		this.mongo = mongo;
		this.timeout = store.timeouts().health();
	}

	@Override
	public Health health() {
		try {
			// The driver's client-side operation timeout (timeoutMS) bounds the whole
			// ping.
			this.mongo.getDb().withTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS).runCommand(PING);
			return Health.up().build();
		}
		catch (RuntimeException ex) {
			return Health.down()
				.withDetail("reason", "MongoDB does not answer within " + this.timeout.toMillis() + " ms")
				.build();
		}
	}

}
