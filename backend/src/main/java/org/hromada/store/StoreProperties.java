package org.hromada.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. The database name is Spring Boot's spring.mongodb.database.
 *
 * @param mongodbUri connection string of a real MongoDB; blank selects the embedded store
 * @param embedded settings of the embedded store
 */
@ConfigurationProperties("hromada.store")
public record StoreProperties(String mongodbUri, Embedded embedded) {

	public StoreProperties {
		embedded = (embedded == null) ? new Embedded(false, Path.of("data")) : embedded;
	}

	boolean usesEmbeddedStore() {
		return this.mongodbUri == null || this.mongodbUri.isBlank();
	}

	/**
	 * @param inMemory keep data in memory only (tests)
	 * @param dataDir folder of the H2 file that holds the data across restarts
	 */
	public record Embedded(boolean inMemory, Path dataDir) {

		public Embedded {
			dataDir = (dataDir == null) ? Path.of("data") : dataDir;
		}

	}

}
