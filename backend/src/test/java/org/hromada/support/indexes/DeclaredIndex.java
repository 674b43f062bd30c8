package org.hromada.support.indexes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.hromada.store.CollectionIndexes;
import org.hromada.support.indexes.QueryShape.SortKey;

import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * An index as a feature's store declares it ({@link CollectionIndexes}), which is what
 * the checker holds queries to: the declaration, not what a server happens to have. Every
 * collection also has its unique index on {@code _id} ({@link #id}).
 *
 * @param collection the collection
 * @param name the index name
 * @param keys the keys in order, with directions; a key that is not ascending or
 * descending (hashed, text) has direction 0 and orders nothing
 * @param unique whether the index is unique
 * @param sparse whether documents without the keys are left out of it (a sparse or a
 * partial index)
 */
record DeclaredIndex(String collection, String name, List<SortKey> keys, boolean unique, boolean sparse) {

	static List<DeclaredIndex> of(Collection<CollectionIndexes> declarations) {
		List<DeclaredIndex> indexes = new ArrayList<>();
		for (CollectionIndexes declaration : declarations) {
			for (IndexDefinition index : declaration.indexes()) {
				indexes.add(of(declaration.collection(), index));
			}
		}
		return indexes;
	}

	static DeclaredIndex of(String collection, IndexDefinition index) {
		Document options = index.getIndexOptions();
		List<SortKey> keys = new ArrayList<>();
		for (Map.Entry<String, Object> key : index.getIndexKeys().entrySet()) {
			int direction = (key.getValue() instanceof Number number) ? Integer.signum(number.intValue()) : 0;
			keys.add(new SortKey(key.getKey(), direction));
		}
		return new DeclaredIndex(collection, String.valueOf(options.get("name")), List.copyOf(keys),
				Boolean.TRUE.equals(options.get("unique")),
				Boolean.TRUE.equals(options.get("sparse")) || options.containsKey("partialFilterExpression"));
	}

	/** The index every collection has, on _id. */
	static DeclaredIndex id(String collection) {
		return new DeclaredIndex(collection, "_id_", List.of(new SortKey("_id", 1)), true, false);
	}

	List<String> fields() {
		return this.keys.stream().map(SortKey::field).toList();
	}

	/**
	 * The keys as MongoDB writes them, e.g. {@code {communityPcode: 1, createdAt: -1}}.
	 */
	String describeKeys() {
		return this.keys.stream()
			.map(key -> key.field() + ": " + key.direction())
			.collect(Collectors.joining(", ", "{", "}"));
	}

}
