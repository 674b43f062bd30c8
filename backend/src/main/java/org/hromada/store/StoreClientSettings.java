package org.hromada.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.connection.ServerDescription;
import com.mongodb.event.ClusterDescriptionChangedEvent;
import com.mongodb.event.ClusterListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

/**
 * Bounds every wait of the MongoDB driver ({@link StoreProperties.Timeouts}), so that
 * while MongoDB is down a request fails within about the server selection timeout instead
 * of the driver's 30 s (and a socket read never waits forever), and logs when MongoDB
 * becomes unreachable and reachable again. Nothing is needed to recover: the driver keeps
 * probing the server and reconnects when it answers.
 * <p>
 * A timeout given in the connection string (MONGODB_URI) is left as given.
 */
final class StoreClientSettings implements MongoClientSettingsBuilderCustomizer {

	private static final Logger log = LoggerFactory.getLogger(StoreClientSettings.class);

	private final StoreProperties.Timeouts timeouts;

	private final ConnectionString connectionString;

	StoreClientSettings(StoreProperties.Timeouts timeouts, ConnectionString connectionString) {
		this.timeouts = timeouts;
		this.connectionString = connectionString;
	}

	@Override
	public void customize(MongoClientSettings.Builder settings) {
		ConnectionString given = this.connectionString;
		Duration serverSelection = (given.getServerSelectionTimeout() != null)
				? Duration.ofMillis(given.getServerSelectionTimeout()) : this.timeouts.serverSelection();
		settings.applyToClusterSettings(cluster -> {
			if (given.getServerSelectionTimeout() == null) {
				cluster.serverSelectionTimeout(millis(serverSelection), TimeUnit.MILLISECONDS);
			}
			cluster.addClusterListener(new ReachabilityLog(serverSelection));
		});
		settings.applyToSocketSettings(socket -> {
			if (given.getConnectTimeout() == null) {
				socket.connectTimeout(millis(this.timeouts.connect()), TimeUnit.MILLISECONDS);
			}
			if (given.getSocketTimeout() == null) {
				socket.readTimeout(millis(this.timeouts.read()), TimeUnit.MILLISECONDS);
			}
		});
		settings.applyToConnectionPoolSettings(pool -> {
			if (given.getMaxWaitTime() == null) {
				pool.maxWaitTime(millis(this.timeouts.poolWait()), TimeUnit.MILLISECONDS);
			}
		});
	}

	private static long millis(Duration duration) {
		return duration.toMillis();
	}

	/**
	 * One line when MongoDB stops answering, one when it answers again; not one per
	 * failed probe.
	 */
	static final class ReachabilityLog implements ClusterListener {

		private final Duration serverSelection;

		/** Last state logged: null before the first connection. */
		private final AtomicReference<Boolean> reachable = new AtomicReference<>();

		ReachabilityLog(Duration serverSelection) {
			this.serverSelection = serverSelection;
		}

		@Override
		public void clusterDescriptionChanged(ClusterDescriptionChangedEvent event) {
			var servers = event.getNewDescription().getServerDescriptions();
			boolean ok = servers.stream().anyMatch(ServerDescription::isOk);
			boolean failed = !ok && servers.stream().anyMatch(server -> server.getException() != null);
			if (ok && Boolean.FALSE.equals(this.reachable.getAndSet(true))) {
				log.info("Store: MongoDB is reachable again");
			}
			else if (failed && !Boolean.FALSE.equals(this.reachable.getAndSet(false))) {
				Throwable cause = servers.stream()
					.map(ServerDescription::getException)
					.filter(exception -> exception != null)
					.findFirst()
					.orElse(null);
				log.warn(
						"Store: MongoDB is not reachable ({}); readiness is DOWN and each request that needs the "
								+ "store fails after {} ms until it answers again",
						(cause != null) ? cause.getMessage() : "", this.serverSelection.toMillis());
			}
		}

	}

}
