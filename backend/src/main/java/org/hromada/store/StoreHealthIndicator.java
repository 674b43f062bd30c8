package org.hromada.store;

import org.bson.Document;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Readiness of the store: a ping round trip to MongoDB. It replaces Spring Boot's MongoDB indicator,
 * whose hello command the embedded server does not understand; ping works on both stores.
 */
@Component("mongoHealthIndicator")
class StoreHealthIndicator implements HealthIndicator {

	private final MongoTemplate mongo;

	StoreHealthIndicator(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Health health() {
		try {
			this.mongo.executeCommand(new Document("ping", 1));
			return Health.up().build();
		}
		catch (RuntimeException ex) {
			return Health.down().withDetail("reason", "MongoDB does not answer").build();
		}
	}

}
