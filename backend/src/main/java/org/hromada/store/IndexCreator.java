package org.hromada.store;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Creates every declared index while the application starts, before it takes requests,
 * then drops the indexes they replace. Creating an index that exists with the same
 * definition, or dropping one already gone, is a no-op, so this runs on every start and
 * on every replica safely.
 */
@Component
class IndexCreator implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(IndexCreator.class);

	private final MongoTemplate mongo;

	private final List<CollectionIndexes> declarations;

	IndexCreator(MongoTemplate mongo, List<CollectionIndexes> declarations) {
		this.mongo = mongo;
		this.declarations = declarations;
	}

	@Override
	public void afterPropertiesSet() {
		int count = 0;
		int dropped = 0;
		for (CollectionIndexes declaration : this.declarations) {
			IndexOperations operations = this.mongo.indexOps(declaration.collection());
			for (IndexDefinition index : declaration.indexes()) {
				operations.createIndex(index);
				count++;
			}
			if (!declaration.obsolete().isEmpty()) {
				// The replacements exist by now, so queries are served throughout.
				Set<String> existing = operations.getIndexInfo()
					.stream()
					.map(IndexInfo::getName)
					.collect(Collectors.toSet());
				for (String name : declaration.obsolete()) {
					if (existing.contains(name) && drop(operations, name)) {
						dropped++;
					}
				}
			}
		}
		if (dropped > 0) {
			log.info("Store: {} obsolete indexes dropped", dropped);
		}
		log.info("Store: {} indexes ensured on {} collections", count, this.declarations.size());
	}

	/**
	 * Drops an index; false when another replica starting at the same time dropped it
	 * first.
	 */
	private static boolean drop(IndexOperations operations, String name) {
		try {
			operations.dropIndex(name);
			return true;
		}
		catch (DataAccessException ex) {
			if (operations.getIndexInfo().stream().anyMatch(index -> index.getName().equals(name))) {
				throw ex;
			}
			return false;
		}
	}

}
