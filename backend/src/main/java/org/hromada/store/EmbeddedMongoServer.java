package org.hromada.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The embedded MongoDB wire-protocol server used when no MONGODB_URI is given: an H2 file
 * under the data folder (survives restarts), or memory only in tests. The real MongoDB
 * driver talks to it on a loopback port, so the application code is the same as against a
 * real MongoDB.
 * <p>
 * The server can be {@link #stop() stopped} and {@link #start() started} again on the
 * same port while the data stays, which lets tests take the store down under a running
 * application and bring it back.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

	private static final String HOST = "127.0.0.1";

	private final MongoBackend data;

	private final String description;

	private final int port;

	/** The listening server, {@code null} while stopped. */
	private MongoServer server;

	private EmbeddedMongoServer(MongoBackend data, String description, int port) {
		this.data = data;
		this.description = description;
		try {
			this.server = listen(port);
		}
		catch (RuntimeException ex) {
			// Release the data (the H2 file lock) when the server cannot start.
			data.close();
			throw ex;
		}
		this.port = this.server.getLocalAddress().getPort();
	}

	static EmbeddedMongoServer start(StoreProperties.Embedded settings) {
		if (settings.inMemory()) {
			return new EmbeddedMongoServer(new MemoryBackend(), "in memory", settings.port());
		}
		Path dataDir = settings.dataDir().toAbsolutePath().normalize();
		try {
			Files.createDirectories(dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data folder " + dataDir, ex);
		}
		Path file = dataDir.resolve("hromada.mv");
		return new EmbeddedMongoServer(new H2Backend(file.toString()), "H2 file " + file, settings.port());
	}

	/**
	 * A server listening on the port (0: any free one). MongoServer closes its backend
	 * whenever it shuts down, so it gets a view of the data whose close does nothing;
	 * {@link #close()} closes the data.
	 */
	private MongoServer listen(int port) {
		MongoServer listening = new MongoServer(kept(this.data));
		try {
			listening.bind(HOST, port);
			return listening;
		}
		catch (Exception ex) {
			// A taken port surfaces as a java.net.BindException, which Netty throws
			// undeclared.
			listening.shutdownNow();
			throw new IllegalStateException("The embedded store cannot listen on " + HOST + ":" + port
					+ ((port != 0) ? " (is the port taken? see hromada.store.embedded.port)" : ""), ex);
		}
	}

	String connectionString() {
		return "mongodb://" + HOST + ":" + this.port;
	}

	String description() {
		return this.description + " at " + HOST + ":" + this.port;
	}

	/** The loopback port, the same after a restart. */
	int port() {
		return this.port;
	}

	/**
	 * Takes the store down as a crash would: stops listening (new connections are
	 * refused) and drops every open connection. The data stays. Does nothing if already
	 * stopped.
	 */
	synchronized void stop() {
		if (this.server != null) {
			this.server.shutdownNow();
			this.server = null;
		}
	}

	/**
	 * Listens again on the same port, with the same data. Does nothing if running.
	 * @throws IllegalStateException if the port was taken meanwhile
	 */
	synchronized void start() {
		if (this.server == null) {
			this.server = listen(this.port);
		}
	}

	synchronized boolean isRunning() {
		return this.server != null;
	}

	@Override
	public synchronized void close() {
		stop();
		this.data.close();
	}

	/**
	 * The data as a server sees it, except that the server cannot close it. A proxy
	 * rather than a class: MongoBackend's methods take Netty types, which are not on the
	 * compile classpath.
	 */
	private static MongoBackend kept(MongoBackend data) {
		return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
				new Class<?>[] { MongoBackend.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("close") && method.getParameterCount() == 0) {
						// The data outlives the server; EmbeddedMongoServer.close()
						// closes it.
						return null;
					}
					try {
						Object result = method.invoke(data, arguments);
						return (result == data) ? proxy : result;
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
