package org.hromada.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hromada.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.index.IndexDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sharding plan of k8s/README.md against the indexes the features declare: a sharded
 * cluster enforces a unique index only when it begins with the shard key, so every unique
 * index of a collection the plan shards must begin with its shard key, every shard key
 * must be the prefix of a declared index (sh.shardCollection needs one on a collection
 * that holds data), and a collection with a unique index is either sharded there or
 * listed as unsharded, where every unique index holds as on a replica set.
 */
class ShardKeyTests extends IntegrationTest {

	private static final Pattern SHARD_COLLECTION = Pattern
		.compile("sh\\.shardCollection\\(\"hromada\\.(\\w+)\", \\{ ([^}]*) \\}\\)");

	private static final Pattern UNSHARDED_ROW = Pattern.compile("^\\| ([^|]+) \\| unsharded \\|", Pattern.MULTILINE);

	@Autowired
	private List<CollectionIndexes> declarations;

	@Test
	void everyUniqueIndexOfAShardedCollectionBeginsWithItsShardKey() throws IOException {
		Map<String, List<String>> shardKeys = shardKeys();
		assertThat(shardKeys).containsKeys("aidRequests", "assignments", "projects");
		for (Map.Entry<String, List<String>> sharded : shardKeys.entrySet()) {
			for (IndexDefinition index : indexesOf(sharded.getKey())) {
				if (Boolean.TRUE.equals(index.getIndexOptions().get("unique"))) {
					assertThat(keys(index))
						.as("unique index %s of %s", index.getIndexOptions().get("name"), sharded.getKey())
						.startsWith(sharded.getValue().toArray(String[]::new));
				}
			}
		}
	}

	@Test
	void everyShardKeyIsThePrefixOfADeclaredIndex() throws IOException {
		for (Map.Entry<String, List<String>> sharded : shardKeys().entrySet()) {
			assertThat(indexesOf(sharded.getKey()))
				.as("an index of %s beginning with %s", sharded.getKey(), sharded.getValue())
				.anySatisfy(index -> assertThat(keys(index)).startsWith(sharded.getValue().toArray(String[]::new)));
		}
	}

	@Test
	void everyCollectionWithAUniqueIndexIsShardedOrListedAsUnsharded() throws IOException {
		Set<String> planned = new TreeSet<>(shardKeys().keySet());
		Set<String> unsharded = unsharded();
		assertThat(planned).doesNotContainAnyElementsOf(unsharded);
		planned.addAll(unsharded);
		for (CollectionIndexes declaration : this.declarations) {
			if (declaration.indexes()
				.stream()
				.anyMatch(index -> Boolean.TRUE.equals(index.getIndexOptions().get("unique")))) {
				assertThat(planned).as("the sharding plan of k8s/README.md").contains(declaration.collection());
			}
		}
	}

	private List<IndexDefinition> indexesOf(String collection) {
		return this.declarations.stream()
			.filter(declaration -> declaration.collection().equals(collection))
			.flatMap(declaration -> declaration.indexes().stream())
			.toList();
	}

	private static List<String> keys(IndexDefinition index) {
		return new ArrayList<>(index.getIndexKeys().keySet());
	}

	/** Collection to shard key fields, in order, from the sh.shardCollection commands. */
	private static Map<String, List<String>> shardKeys() throws IOException {
		Map<String, List<String>> keys = new LinkedHashMap<>();
		Matcher matcher = SHARD_COLLECTION.matcher(plan());
		while (matcher.find()) {
			keys.put(matcher.group(1),
					Arrays.stream(matcher.group(2).split(",")).map(key -> key.split(":")[0].trim()).toList());
		}
		return keys;
	}

	/** The collections of the table's rows marked unsharded. */
	private static Set<String> unsharded() throws IOException {
		Set<String> names = new TreeSet<>();
		Matcher matcher = UNSHARDED_ROW.matcher(plan());
		while (matcher.find()) {
			Arrays.stream(matcher.group(1).split(",")).map(name -> name.trim().replace("`", "")).forEach(names::add);
		}
		return names;
	}

	private static String plan() throws IOException {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("k8s/README.md"))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("k8s/README.md above the working directory").isNotNull();
		String readme = Files.readString(dir.resolve("k8s/README.md"));
		return readme.substring(readme.indexOf("## Sharding"));
	}

}
