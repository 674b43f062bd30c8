package org.hromada.community;

import java.util.List;

import org.hromada.graphql.UserError;

/** The outcome of a gazetteer import, as importCommunities returns it. */
record CommunityImportResult(int created, int updated, int unchanged, int failed, List<RowResult> rows,
		List<UserError> userErrors) {

	enum Outcome {

		CREATED, UPDATED, UNCHANGED, FAILED

	}

	record RowResult(int line, String pcode, Outcome outcome, Community community, List<UserError> errors) {

	}

	static CommunityImportResult of(List<RowResult> rows) {
		return new CommunityImportResult(count(rows, Outcome.CREATED), count(rows, Outcome.UPDATED),
				count(rows, Outcome.UNCHANGED), count(rows, Outcome.FAILED), rows, List.of());
	}

	static CommunityImportResult refused(UserError error) {
		return new CommunityImportResult(0, 0, 0, 0, List.of(), List.of(error));
	}

	private static int count(List<RowResult> rows, Outcome outcome) {
		return (int) rows.stream().filter(row -> row.outcome() == outcome).count();
	}

}
