package org.hromada.activity;

/**
 * A subscription fell further behind the activity feed than its buffer holds; it is ended
 * so that the client catches up with the activities query instead of silently missing
 * events.
 */
public class FeedOverflowException extends RuntimeException {

	public FeedOverflowException() {
		super("The subscription fell too far behind and was ended; resubscribe and catch up with "
				+ "activities(filter: { since })");
	}

}
