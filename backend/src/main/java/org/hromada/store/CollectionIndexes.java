package org.hromada.store;

import java.util.List;

import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * The indexes one feature declares for one of its collections. Each feature exposes these
 * as beans; {@link IndexCreator} creates them all at start-up. Every query pattern a
 * feature runs has its index declared here, so a real MongoDB never scans (the embedded
 * store scans regardless).
 *
 * @param collection collection name
 * @param indexes the indexes; give each a name so that re-creating it is a no-op
 * @param obsolete names of indexes an earlier release created that these replace; they
 * are dropped at start-up where they exist (an index's keys cannot change under its name)
 */
public record CollectionIndexes(String collection, List<IndexDefinition> indexes, List<String> obsolete) {

	public static CollectionIndexes of(String collection, IndexDefinition... indexes) {
		return new CollectionIndexes(collection, List.of(indexes), List.of());
	}

	/** These indexes, replacing the named ones of an earlier release. */
	public CollectionIndexes replacing(String... names) {
		return new CollectionIndexes(this.collection, this.indexes, List.of(names));
	}

}
