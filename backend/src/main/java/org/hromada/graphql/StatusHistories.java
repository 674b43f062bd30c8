package org.hromada.graphql;

import java.util.List;

/**
 * How much of a record's status history the API shows: the latest {@value #SHOWN}
 * entries, oldest first (the activity log keeps them all), the bound the schema declares,
 * so that no record's list grows without one. Not a MapStruct mapping method on purpose:
 * it would be applied to every list a mapper copies.
 */
public final class StatusHistories {

	public static final int SHOWN = 20;

	private StatusHistories() {
	}

	/** The latest {@link #SHOWN} entries of a history, in their order. */
	public static <T> List<T> latest(List<T> history) {
		return (history.size() <= SHOWN) ? history : history.subList(history.size() - SHOWN, history.size());
	}

}
