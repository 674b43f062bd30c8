package org.hromada.store;

import java.time.Clock;
import java.util.Optional;

import com.mongodb.ConnectionString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.mongodb.config.EnableMongoAuditing;

/**
 * Chooses the store: the MongoDB named by MONGODB_URI, or else the embedded wire-protocol
 * server. Everything above this class talks to MongoDB through the real driver either
 * way. The database is spring.mongodb.database (MONGODB_DATABASE), so tests can give each
 * run its own on a shared server.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
@EnableMongoAuditing(auditorAwareRef = "auditor", dateTimeProviderRef = "auditingTime")
class StoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

	@Bean
	MongoConnectionDetails mongoConnectionDetails(StoreProperties store, MongoProperties mongo,
			ObjectProvider<EmbeddedMongoServer> embedded) {
		if (store.usesEmbeddedStore()) {
			EmbeddedMongoServer server = embedded.getObject();
			log.info(
					"Store: embedded MongoDB wire-protocol server (mongo-java-server, {}), database '{}'. "
							+ "Limits: no secondary indexes (queries scan), no multi-document transactions, "
							+ "no geo or text operators. Set MONGODB_URI to use a real MongoDB.",
					server.description(), mongo.getDatabase());
			ConnectionString connectionString = new ConnectionString(server.connectionString());
			return () -> connectionString;
		}
		ConnectionString connectionString = new ConnectionString(store.mongodbUri());
		log.info("Store: MongoDB at {}, database '{}'", connectionString.getHosts(), mongo.getDatabase());
		return () -> connectionString;
	}

	/** Bounded waits for MongoDB: see {@link StoreProperties.Timeouts}. */
	@Bean
	StoreClientSettings storeClientSettings(StoreProperties store, MongoConnectionDetails connection) {
		return new StoreClientSettings(store.timeouts(), connection.getConnectionString());
	}

	@Bean(destroyMethod = "close")
	@Lazy
	EmbeddedMongoServer embeddedMongoServer(StoreProperties properties) {
		return EmbeddedMongoServer.start(properties.embedded());
	}

	/** Audit times come from the application clock, which tests can control. */
	@Bean
	DateTimeProvider auditingTime(Clock clock) {
		return () -> Optional.of(clock.instant());
	}

}
