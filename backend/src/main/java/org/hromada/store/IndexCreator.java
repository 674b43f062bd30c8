package org.hromada.store;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.stereotype.Component;

/**
 * Creates every declared index while the application starts, before it takes requests.
 * Creating an index that exists with the same definition is a no-op in MongoDB, so this
 * runs on every start and on every replica safely.
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
		for (CollectionIndexes declaration : this.declarations) {
			for (IndexDefinition index : declaration.indexes()) {
				this.mongo.indexOps(declaration.collection()).createIndex(index);
				count++;
			}
		}
		log.info("Store: {} indexes ensured on {} collections", count, this.declarations.size());
	}

}
