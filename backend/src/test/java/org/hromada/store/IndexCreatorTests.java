package org.hromada.store;

import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Index creation at start-up: a declared index that replaces one of an earlier release
 * (an index's keys cannot change under its name) is created, the old one dropped, and a
 * second start changes nothing.
 */
class IndexCreatorTests {

	@Test
	void anIndexReplacedByANewOneIsDroppedOnceTheNewOneExists() {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(new StoreProperties.Embedded(true, null));
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoTemplate mongo = new MongoTemplate(client, "hromada");
			mongo.indexOps("log")
				.createIndex(new Index().on("actorId", Direction.ASC).on("at", Direction.DESC).named("actor_at"));
			CollectionIndexes declared = CollectionIndexes
				.of("log",
						new Index().on("actorId", Direction.ASC)
							.on("at", Direction.DESC)
							.on("_id", Direction.DESC)
							.named("actor_at_id"))
				.replacing("actor_at", "never_created");
			assertThat(names(mongo)).contains("actor_at");

			new IndexCreator(mongo, List.of(declared)).afterPropertiesSet();
			assertThat(names(mongo)).contains("actor_at_id").doesNotContain("actor_at");
			new IndexCreator(mongo, List.of(declared)).afterPropertiesSet();
			assertThat(names(mongo)).contains("actor_at_id").doesNotContain("actor_at");
		}
	}

	private static List<String> names(MongoTemplate mongo) {
		return mongo.indexOps("log").getIndexInfo().stream().map(IndexInfo::getName).toList();
	}

}
