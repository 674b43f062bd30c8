package org.hromada.support.indexes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker's rules against the examples of MongoDB's manual: index prefixes, sort
 * direction and reversal, sorts on a non-prefix subset after equality, the ESR rule, $in,
 * $or branch by branch, operators that bound nothing, sparse and unique indexes.
 */
class IndexRulesTests {

	/**
	 * The manual's index {a: 1, b: 1, c: 1, d: 1} ("Use Indexes to Sort Query Results").
	 */
	private static final Index ABCD = new Index().on("a", Direction.ASC)
		.on("b", Direction.ASC)
		.on("c", Direction.ASC)
		.on("d", Direction.ASC)
		.named("a_b_c_d");

	/**
	 * The manual's index {item: 1, location: 1, stock: 1} ("Compound Indexes", prefixes).
	 */
	private static final Index ITEM_LOCATION_STOCK = new Index().on("item", Direction.ASC)
		.on("location", Direction.ASC)
		.on("stock", Direction.ASC)
		.named("item_location_stock");

	@Test
	void aCompoundIndexServesQueriesOnItsPrefixesOnly() {
		assertThat(served("{find: 'c', filter: {item: 'x'}}", ITEM_LOCATION_STOCK)).isTrue();
		assertThat(served("{find: 'c', filter: {item: 'x', location: 'y'}}", ITEM_LOCATION_STOCK)).isTrue();
		assertThat(served("{find: 'c', filter: {location: 'y', item: 'x', stock: {$gt: 0}}}", ITEM_LOCATION_STOCK))
			.isTrue();
		assertThat(served("{find: 'c', filter: {location: 'y'}}", ITEM_LOCATION_STOCK)).isFalse();
		assertThat(served("{find: 'c', filter: {stock: {$gt: 0}}}", ITEM_LOCATION_STOCK)).isFalse();
		assertThat(served("{find: 'c', filter: {location: 'y', stock: 3}}", ITEM_LOCATION_STOCK)).isFalse();
	}

	@Test
	void aSortIsServedInTheIndexDirectionOrAllReversedNeverMixed() {
		for (String sort : List.of("{a: 1}", "{a: -1}", "{a: 1, b: 1}", "{a: -1, b: -1}", "{a: 1, b: 1, c: 1}",
				"{a: -1, b: -1, c: -1}")) {
			assertThat(served("{find: 'c', filter: {a: {$gt: 4}}, sort: " + sort + "}", ABCD)).as(sort).isTrue();
		}
		assertThat(served("{find: 'c', filter: {a: {$gt: 4}}, sort: {a: 1, b: -1}}", ABCD)).isFalse();
		assertThat(served("{find: 'c', filter: {a: {$gt: 4}}, sort: {b: 1}}", ABCD)).isFalse();
	}

	@Test
	void equalityOnTheLeadingKeysLetsTheNextKeysSort() {
		assertThat(served("{find: 'c', filter: {a: 5}, sort: {b: 1, c: 1}}", ABCD)).isTrue();
		assertThat(served("{find: 'c', filter: {a: 5}, sort: {c: 1}}", ABCD)).isFalse();
		assertThat(served("{find: 'c', filter: {a: 5, b: 3}, sort: {c: 1}}", ABCD)).isTrue();
		assertThat(served("{find: 'c', filter: {a: 5, b: {$lt: 3}}, sort: {b: 1}}", ABCD)).isTrue();
		assertThat(served("{find: 'c', filter: {a: {$gt: 2}}, sort: {c: 1}}", ABCD)).as("range before the sort")
			.isFalse();
		assertThat(served("{find: 'c', filter: {a: 5}, sort: {a: 1, b: -1}}", ABCD))
			.as("a sort key fixed by equality needs no index key")
			.isTrue();
		assertThat(served("{find: 'c', filter: {c: 5}, sort: {c: 1}}", ABCD)).as("not a prefix").isFalse();
		assertThat(served("{find: 'c', filter: {a: 5, b: 1}, sort: {a: 1, c: -1}}", ABCD)).isTrue();
	}

	@Test
	void equalityThenSortThenRangeFollowsTheEsrRule() {
		Index esr = new Index().on("manufacturer", Direction.ASC)
			.on("model", Direction.ASC)
			.on("cost", Direction.ASC)
			.named("esr");
		Index ers = new Index().on("manufacturer", Direction.ASC)
			.on("cost", Direction.ASC)
			.on("model", Direction.ASC)
			.named("ers");
		String query = "{find: 'cars', filter: {manufacturer: 'GM', cost: {$gt: 10000}}, sort: {model: 1}}";
		assertThat(served(query, esr)).isTrue();
		assertThat(served(query, ers)).as("the range before the sort forces an in-memory sort").isFalse();
		assertThat(IndexRules.suggestion(shape(query))).isEqualTo("{manufacturer: 1, model: 1, cost: 1}");
	}

	@Test
	void inBeforeTheSortKeysMergesSortedRunsButNotBetweenThem() {
		Index communityCreated = new Index().on("community", Direction.ASC)
			.on("createdAt", Direction.DESC)
			.on("_id", Direction.DESC)
			.named("community_created");
		assertThat(served("{find: 'c', filter: {community: {$in: ['a', 'b']}}, sort: {createdAt: -1, _id: -1}}",
				communityCreated))
			.isTrue();
		Index createdCommunityId = new Index().on("createdAt", Direction.DESC)
			.on("community", Direction.ASC)
			.on("_id", Direction.DESC)
			.named("created_community_id");
		assertThat(served("{find: 'c', filter: {createdAt: {$gt: 1}, community: {$in: ['a', 'b']}}, "
				+ "sort: {createdAt: -1, _id: -1}}", createdCommunityId))
			.isFalse();
		assertThat(served("{find: 'c', filter: {createdAt: {$gt: 1}, community: {$in: ['a']}}, "
				+ "sort: {createdAt: -1, _id: -1}}", createdCommunityId))
			.as("$in of one value is equality")
			.isTrue();
	}

	@Test
	void anOrIsServedWhenEveryBranchIs() {
		Index a = new Index().on("a", Direction.ASC).named("a");
		Index b = new Index().on("b", Direction.ASC).named("b");
		String query = "{find: 'c', filter: {$or: [{a: 1}, {b: {$lt: 2}}]}}";
		assertThat(servingIndex(query, a, b)).contains("a | b");
		assertThat(served(query, a)).isFalse();
		assertThat(served("{find: 'c', filter: {c: 1, $or: [{a: 1}, {b: 2}]}}",
				new Index().on("c", Direction.ASC).named("c")))
			.as("the conditions outside the $or bound the scan")
			.isTrue();
	}

	@Test
	void notEqualNotInAndExistsBoundNothing() {
		Index a = new Index().on("a", Direction.ASC).named("a");
		assertThat(served("{find: 'c', filter: {a: {$ne: 1}}}", a)).isFalse();
		assertThat(served("{find: 'c', filter: {a: {$nin: [1, 2]}}}", a)).isFalse();
		assertThat(served("{find: 'c', filter: {a: {$exists: true}}}", a)).isFalse();
		assertThat(served("{find: 'c', filter: {a: /x/}}", a)).as("unanchored expression").isFalse();
		assertThat(served("{find: 'c', filter: {a: /^x/}}", a)).as("anchored expression").isTrue();
		assertThat(served("{find: 'c', filter: {a: {$in: [1, 2]}, b: {$ne: 3}}}", a)).isTrue();
	}

	@Test
	void aPagedReadMayWalkTheIndexOfItsOrderButAFullReadMayNot() {
		Index created = new Index().on("createdAt", Direction.DESC).on("_id", Direction.DESC).named("created");
		assertThat(served("{find: 'c', filter: {sector: 'WASH'}, sort: {createdAt: -1, _id: -1}, limit: 21}", created))
			.isTrue();
		assertThat(served("{find: 'c', filter: {sector: 'WASH'}, sort: {createdAt: -1, _id: -1}}", created)).isFalse();
		assertThat(served("{find: 'c', filter: {sector: 'WASH'}, limit: 21}", created)).isFalse();
	}

	@Test
	void aSparseIndexServesOnlyQueriesThatConditionItsKeys() {
		Index key = new Index().on("key", Direction.ASC).unique().sparse().named("key_unique");
		assertThat(served("{find: 'c', filter: {key: 'k'}}", key)).isTrue();
		assertThat(served("{find: 'c', filter: {}, sort: {key: 1}, limit: 5}", key)).isFalse();
	}

	@Test
	void equalityOnAUniqueKeyNeedsNoSortAndIdIsAlwaysIndexed() {
		Index key = new Index().on("key", Direction.ASC).unique().named("key_unique");
		assertThat(served("{find: 'c', filter: {key: 'k'}, sort: {createdAt: -1}}", key)).isTrue();
		assertThat(served("{find: 'c', filter: {_id: {$in: [1, 2]}}}", key)).isTrue();
		assertThat(servingIndex("{findAndModify: 'c', query: {_id: 1, version: 3}}")).contains("_id_");
	}

	@Test
	void aFullReadOrAnUnindexedAggregationIsNotServed() {
		Index a = new Index().on("a", Direction.ASC).named("a");
		assertThat(served("{find: 'c', filter: {}}", a)).isFalse();
		assertThat(served("{aggregate: 'c', pipeline: [{$group: {_id: '$a'}}], cursor: {}}", a)).isFalse();
		assertThat(served("{aggregate: 'c', pipeline: [{$match: {a: 1}}, {$group: {_id: '$b'}}], cursor: {}}", a))
			.isTrue();
		assertThat(served("{delete: 'c', deletes: [{q: {b: 1}, limit: 0}]}", a)).isFalse();
		assertThat(served("{distinct: 'c', key: 'a', query: {}}", a)).isTrue();
	}

	private static boolean served(String command, Index... indexes) {
		return servingIndex(command, indexes).isPresent();
	}

	private static Optional<String> servingIndex(String command, Index... indexes) {
		List<DeclaredIndex> declared = new ArrayList<>();
		for (Index index : indexes) {
			declared.add(DeclaredIndex.of(shape(command).collection(), index));
		}
		QueryShape shape = shape(command);
		return IndexRules.servingIndex(shape, declared);
	}

	private static QueryShape shape(String command) {
		BsonDocument document = BsonDocument.parse(command);
		List<QueryShape> shapes = QueryShape.of(document.getFirstKey(), document);
		assertThat(shapes).hasSize(1);
		return shapes.get(0);
	}

}
