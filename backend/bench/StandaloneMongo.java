import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The embedded store's wire-protocol server as a separate process on 127.0.0.1, for
 * benchmarks that must not count the store's memory as the application's. Run by
 * export-memory.sh with the backend's classpath; stops on SIGTERM.
 */
public class StandaloneMongo {

	public static void main(String[] args) throws Exception {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", Integer.parseInt(args[0]));
		System.out.println("StandaloneMongo listening on 127.0.0.1:" + args[0]);
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
		Thread.currentThread().join();
	}

}
