package org.hromada.activity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the live activity feed behind subscriptions (hromada.subscriptions.*).
 *
 * @param pollInterval how often the instance reads new log entries while anyone is
 * subscribed
 * @param overlap how far before the newest entry already read each poll reads again, so
 * that entries stamped slightly earlier by another replica (clock skew, a slow write) are
 * still delivered
 * @param batchSize entries read per query; a poll pages through all new entries
 * @param maxBatchesPerPoll most queries one poll makes; the rest is read at the next poll
 * @param bufferSize events one subscription may fall behind before it is ended with an
 * error
 * @param recentIds ids of delivered entries remembered to drop the ones the overlap reads
 * again
 */
@ConfigurationProperties("hromada.subscriptions")
public record ActivityFeedSettings(@DefaultValue("1s") Duration pollInterval, @DefaultValue("5s") Duration overlap,
		@DefaultValue("500") int batchSize, @DefaultValue("20") int maxBatchesPerPoll,
		@DefaultValue("256") int bufferSize, @DefaultValue("10000") int recentIds) {

	public ActivityFeedSettings {
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("hromada.subscriptions.poll-interval must be positive");
		}
		if (overlap.isNegative()) {
			throw new IllegalArgumentException("hromada.subscriptions.overlap must not be negative");
		}
		if (batchSize < 1 || maxBatchesPerPoll < 1 || bufferSize < 1 || recentIds < batchSize) {
			throw new IllegalArgumentException("hromada.subscriptions: batch-size, max-batches-per-poll and "
					+ "buffer-size must be at least 1, recent-ids at least batch-size");
		}
	}

}
