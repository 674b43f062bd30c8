package org.hromada.store;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedStoreTests {

	@Test
	void dataInTheFileStoreSurvivesARestart(@TempDir Path dataDir) {
		StoreProperties.Embedded settings = new StoreProperties.Embedded(false, dataDir);
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(settings);
				MongoClient client = MongoClients.create(server.connectionString())) {
			client.getDatabase("hromada").getCollection("communities").insertOne(new Document("pcode", "UA3214007"));
		}
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(settings);
				MongoClient client = MongoClients.create(server.connectionString())) {
			Document found = client.getDatabase("hromada")
				.getCollection("communities")
				.find(new Document("pcode", "UA3214007"))
				.first();
			assertThat(found).isNotNull();
		}
		assertThat(dataDir.resolve("hromada.mv")).exists();
	}

	@Test
	void uniqueIndexesAreEnforcedByTheEmbeddedStore() {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(new StoreProperties.Embedded(true, null));
				MongoClient client = MongoClients.create(server.connectionString())) {
			var communities = client.getDatabase("hromada").getCollection("communities");
			communities.createIndex(new Document("pcode", 1), new com.mongodb.client.model.IndexOptions().unique(true));
			communities.insertOne(new Document("pcode", "UA1"));
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> communities.insertOne(new Document("pcode", "UA1")))
				.hasMessageContaining("duplicate key");
		}
	}

}
