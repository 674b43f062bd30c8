package org.hromada.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The embedded MongoDB wire-protocol server used when no MONGODB_URI is given: an H2 file under the
 * data folder (survives restarts), or memory only in tests. The real MongoDB driver talks to it on a
 * loopback port, so the application code is the same as against a real MongoDB.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

	private final MongoServer server;

	private final InetSocketAddress address;

	private final String description;

	private EmbeddedMongoServer(MongoBackend backend, String description) {
		this.server = new MongoServer(backend);
		this.server.bind("127.0.0.1", 0);
		this.address = this.server.getLocalAddress();
		this.description = description;
	}

	static EmbeddedMongoServer start(StoreProperties.Embedded settings) {
		if (settings.inMemory()) {
			return new EmbeddedMongoServer(new MemoryBackend(), "in memory");
		}
		Path dataDir = settings.dataDir().toAbsolutePath().normalize();
		try {
			Files.createDirectories(dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data folder " + dataDir, ex);
		}
		Path file = dataDir.resolve("hromada.mv");
		return new EmbeddedMongoServer(new H2Backend(file.toString()), "H2 file " + file);
	}

	String connectionString() {
		return "mongodb://" + this.address.getHostString() + ":" + this.address.getPort();
	}

	String description() {
		return this.description + " at " + this.address.getHostString() + ":" + this.address.getPort();
	}

	@Override
	public void close() {
		this.server.shutdownNow();
	}

}
