package org.hromada.support.indexes;

import java.util.List;

import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ConnectionDescription;
import com.mongodb.connection.ServerId;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.hromada.store.CollectionIndexes;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the check reports: each unserved query with the method that sent it and the index
 * it lacks, field names only; and what it leaves out: served queries, the deliberate full
 * reads and the queries a test sends itself.
 */
class UnservedQueryCheckTests {

	private static final List<DeclaredIndex> INDEXES = DeclaredIndex.of(List.of(CollectionIndexes.of("volunteers",
			new Index().on("communities", Direction.ASC).on("_id", Direction.ASC).named("community_id"))));

	@Test
	void anUnservedQueryIsReportedWithItsOriginAndTheIndexItLacksWithoutValues() {
		QueryShapeRecorder recorder = new QueryShapeRecorder();
		recorder.observe(shape("{find: 'volunteers', filter: {'contact.phone': '+380501234567'}, sort: {_id: 1}}"),
				"volunteer.VolunteerService#find");
		recorder.observe(shape("{find: 'volunteers', filter: {communities: 'UA1', status: 'ACTIVE'}, sort: {_id: 1}}"),
				"volunteer.VolunteerService#find");
		List<String> unserved = UnservedQueryCheck.unserved(recorder, INDEXES);
		assertThat(unserved).singleElement()
			.asString()
			.contains("volunteers find {contact.phone =} sort [_id:1] from volunteer.VolunteerService#find")
			.contains("needs an index such as {contact.phone: 1, _id: 1}")
			.doesNotContain("380");
	}

	@Test
	void aDeliberateFullReadIsAllowedOnlyToItsMethodAndConditions() {
		QueryShapeRecorder recorder = new QueryShapeRecorder();
		String everything = "{aggregate: 'aidRequests', pipeline: [{$facet: {}}], cursor: {}}";
		recorder.observe(shape(everything), "aid.AidRequestStatistics#first");
		recorder.observe(shape(everything), "aid.AidRequestSearch#list");
		recorder.observe(shape("{aggregate: 'aidRequests', pipeline: [{$match: {sector: 'WASH'}}], cursor: {}}"),
				"aid.AidRequestStatistics#first");
		assertThat(UnservedQueryCheck.unserved(recorder, INDEXES)).hasSize(2)
			.noneMatch(query -> query.startsWith("aidRequests aggregate {} from aid.AidRequestStatistics#first"));
	}

	@Test
	void queriesATestSendsItselfAreNotTheApplicationsAndAreNotRecorded() {
		QueryShapeRecorder recorder = new QueryShapeRecorder();
		BsonDocument command = BsonDocument.parse("{find: 'volunteers', filter: {status: 'ACTIVE'}}");
		recorder.commandStarted(new CommandStartedEvent(null, 1, 1,
				new ConnectionDescription(new ServerId(new ClusterId(), new ServerAddress())), "hromada", "find",
				command));
		assertThat(recorder.takeUnchecked()).isEmpty();
	}

	private static QueryShape shape(String command) {
		BsonDocument document = BsonDocument.parse(command);
		return QueryShape.of(document.getFirstKey(), document).get(0);
	}

}
