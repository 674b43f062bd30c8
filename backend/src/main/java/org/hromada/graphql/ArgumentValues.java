package org.hromada.graphql;

import java.util.List;

import org.springframework.graphql.data.ArgumentValue;

/**
 * Rules shared by every feature's arguments: partial updates, and bounded filter lists.
 */
public final class ArgumentValues {

	/** Most values one list filter may name (communities, sectors, statuses...). */
	public static final int MAX_FILTER_VALUES = 100;

	private ArgumentValues() {
	}

	/**
	 * The value after a partial update: an omitted field keeps the current value, an
	 * explicit null clears it.
	 */
	public static <T> T changedOr(ArgumentValue<T> change, T current) {
		return (change == null || change.isOmitted()) ? current : change.value();
	}

	/** A filter's list of values, refused when empty or longer than the maximum. */
	public static <T> List<T> bounded(String name, List<T> values) {
		if (values.isEmpty() || values.size() > MAX_FILTER_VALUES) {
			throw new BadRequestException("filter." + name + " must hold 1 to " + MAX_FILTER_VALUES + " values");
		}
		return values;
	}

}
