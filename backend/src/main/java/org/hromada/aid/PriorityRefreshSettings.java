package org.hromada.aid;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the priority refresh (hromada.aid.priority-refresh-*).
 *
 * @param priorityRefreshInterval how often the refresher runs (the first run this long
 * after start-up), and how old a stored priority must be to be recomputed
 * @param priorityRefreshBatchSize most requests one run recomputes, oldest computation
 * first
 */
@ConfigurationProperties("hromada.aid")
record PriorityRefreshSettings(@DefaultValue("15m") Duration priorityRefreshInterval,
		@DefaultValue("500") int priorityRefreshBatchSize) {

	PriorityRefreshSettings {
		if (priorityRefreshInterval.isNegative() || priorityRefreshInterval.isZero()) {
			throw new IllegalArgumentException("hromada.aid.priority-refresh-interval must be positive");
		}
		if (priorityRefreshBatchSize < 1) {
			throw new IllegalArgumentException("hromada.aid.priority-refresh-batch-size must be at least 1");
		}
	}

}
