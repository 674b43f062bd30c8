package org.hromada.support.indexes;

import java.util.List;
import java.util.Optional;

import org.hromada.support.indexes.QueryShapeRecorder.Observation;

/**
 * The one place where a query may go without an index: operations that read a collection
 * in full on purpose, each with the reason. An entry names the collection, the
 * application method (as the checker reports it, e.g.
 * {@code aid.AidRequestStatistics#first}) and the conditions (as
 * {@link Conditions#describe()} writes them), so the same method with other conditions,
 * and any other query, is still held to the indexes.
 */
final class DeliberateScans {

	/** A deliberate full read of a collection by one method, with these conditions. */
	record Scan(String collection, String origin, String conditions, String reason) {

	}

	static final List<Scan> ALL = List.of(
			new Scan("aidRequests", "aid.AidRequestStatistics#first", "{}",
					"a status report of every community over all time (admins; partners without a filter) "
							+ "aggregates every need once, so an index would be read whole all the same; "
							+ "reports of a community, a sector or a period match on them and are served"),
			new Scan("projects", "project.ProjectStatistics#compute", "{}",
					"a status report of every community over all time aggregates every project once, so an "
							+ "index would be read whole all the same; reports of a community, a sector or a "
							+ "period match on them and are served"),
			new Scan("activityChains", "activity.AuditCheckpoints#sign", "{}",
					"the daily checkpoint signs the head of every chain, one document per community plus "
							+ "one, so it reads the collection whole once a day by design"));

	private DeliberateScans() {
	}

	static Optional<Scan> covering(Observation observation) {
		return ALL.stream()
			.filter(scan -> scan.collection().equals(observation.shape().collection())
					&& scan.origin().equals(observation.origin())
					&& scan.conditions().equals(observation.shape().conditions().describe()))
			.findFirst();
	}

}
