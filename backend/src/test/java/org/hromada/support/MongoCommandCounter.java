package org.hromada.support;

import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Counts the commands the application sends to MongoDB, through the driver's command
 * listener, so tests can hold a request to a budget of commands (a count, never a
 * duration).
 */
public final class MongoCommandCounter implements CommandListener {

	private final AtomicInteger count = new AtomicInteger();

	@Override
	public void commandStarted(CommandStartedEvent event) {
		this.count.incrementAndGet();
	}

	public void reset() {
		this.count.set(0);
	}

	public int count() {
		return this.count.get();
	}

}
