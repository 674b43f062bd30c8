package org.hromada.support.indexes;

import java.util.List;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands as the driver sends them, reduced to shapes: field names and how each is
 * compared, never a value.
 */
class QueryShapeTests {

	@Test
	void aKeysetPageKeepsItsScopeItsCursorBranchesItsSortAndItsLimit() {
		List<QueryShape> shapes = shapes(
				"{find: 'aidRequests', filter: {$and: [{communityPcode: {$in: ['UA1', 'UA2']}}, "
						+ "{$or: [{createdAt: {$lt: {$date: '2026-01-01T00:00:00Z'}}}, "
						+ "{createdAt: {$date: '2026-01-01T00:00:00Z'}, _id: {$lt: 'x'}}]}]}, "
						+ "sort: {createdAt: -1, _id: -1}, limit: 21}");
		assertThat(shapes).singleElement()
			.extracting(QueryShape::describe)
			.isEqualTo("aidRequests find {communityPcode in, $or [{createdAt <>} | {createdAt =, _id <>}]} "
					+ "sort [createdAt:-1, _id:-1] limit");
	}

	@Test
	void valuesNeverReachTheShape() {
		String described = shapes("{find: 'volunteers', filter: {'contact.phone': '+380501234567', name: /^Olena/}}")
			.get(0)
			.describe();
		assertThat(described).isEqualTo("volunteers find {contact.phone =, name <>}").doesNotContain("380", "Olena");
	}

	@Test
	void eachStatementOfAnUpdateOrDeleteIsAShape() {
		assertThat(shapes("{update: 'assignments', updates: [{q: {_id: 'a', version: 2}, u: {$set: {x: 1}}}, "
				+ "{q: {status: 'OFFERED', offerDeadline: {$lte: 5}}, u: {$set: {x: 1}}, multi: true}]}"))
			.extracting(QueryShape::describe)
			.containsExactly("assignments update {_id =, version =}",
					"assignments update {status =, offerDeadline <>}");
		assertThat(shapes("{delete: 'claims', deletes: [{q: {capSlot: {$exists: true}}, limit: 1}]}"))
			.extracting(QueryShape::describe)
			.containsExactly("claims delete {capSlot ?}");
	}

	@Test
	void anAggregationIsShapedByItsLeadingMatchSortAndLimitAndItsLookups() {
		assertThat(shapes("{aggregate: 'projects', pipeline: [{$match: {communityPcode: 'UA1'}}, "
				+ "{$match: {status: {$ne: 'CANCELLED'}}}, {$sort: {createdAt: -1}}, {$limit: 5}, "
				+ "{$lookup: {from: 'communities', localField: 'communityPcode', foreignField: 'pcode', as: 'c'}}], "
				+ "cursor: {}}"))
			.extracting(QueryShape::describe)
			.containsExactly("projects aggregate {communityPcode =, status ?} sort [createdAt:-1] limit",
					"communities $lookup {pcode =}");
	}

	@Test
	void findAndModifyIsLimitedAndCommandsThatReadNothingHaveNoShape() {
		assertThat(shapes("{findAndModify: 'claims', query: {status: 'OPEN'}, sort: {lastProgressAt: 1}, "
				+ "update: {$set: {s: 1}}}"))
			.extracting(QueryShape::describe)
			.containsExactly("claims findAndModify {status =} sort [lastProgressAt:1] limit");
		assertThat(shapes("{insert: 'claims', documents: [{status: 'OPEN'}]}")).isEmpty();
		assertThat(shapes("{count: 'claims', query: {}}")).as("answered from metadata").isEmpty();
		assertThat(shapes("{createIndexes: 'claims', indexes: []}")).isEmpty();
	}

	@Test
	void elemMatchConditionsTheArrayElementsFields() {
		assertThat(
				shapes("{find: 'projects', filter: {milestones: {$elemMatch: {id: 'm1', percent: {$lt: 100}}}}}").get(0)
					.describe())
			.isEqualTo("projects find {milestones.id =, milestones.percent <>}");
	}

	private static List<QueryShape> shapes(String command) {
		BsonDocument document = BsonDocument.parse(command);
		return QueryShape.of(document.getFirstKey(), document);
	}

}
