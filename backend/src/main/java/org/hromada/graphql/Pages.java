package org.hromada.graphql;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.graphql.data.query.ScrollSubrange;

/**
 * Page bounds of every connection: {@value #DEFAULT_SIZE} items unless the client asks,
 * at most {@value #MAX_SIZE}. Pagination is always keyset (cursor) based, never
 * skip/offset.
 */
public final class Pages {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	private Pages() {
	}

	/**
	 * The number of items to return, refusing sizes out of bounds with a clear error. It
	 * takes the raw first argument: ScrollSubrange turns a negative count into "no
	 * count", which would hide the error.
	 */
	public static Limit limit(Integer first) {
		int size = (first != null) ? first : DEFAULT_SIZE;
		if (size < 1 || size > MAX_SIZE) {
			throw new BadRequestException("first must be between 1 and " + MAX_SIZE + ", was " + size);
		}
		return Limit.of(size);
	}

	/**
	 * Refuses a cursor made for another list or another order: its keys must be exactly
	 * the sort keys of this query (a cursor of a list ordered by date cannot continue a
	 * list ordered by priority).
	 */
	public static ScrollPosition requireKeysOf(ScrollPosition position, Sort sort) {
		if (position instanceof KeysetScrollPosition keyset && !keyset.isInitial()) {
			Set<String> expected = sort.stream()
				.map(order -> normalize(order.getProperty()))
				.collect(Collectors.toSet());
			Set<String> actual = keyset.getKeys().keySet().stream().map(Pages::normalize).collect(Collectors.toSet());
			if (!expected.equals(actual) || keyset.getKeys().containsValue(null)) {
				throw new BadRequestException(
						"after is a cursor of another list or order; use pageInfo.endCursor of this one");
			}
		}
		return position;
	}

	private static String normalize(String property) {
		return "_id".equals(property) ? "id" : property;
	}

	/** Where the page starts: after the given cursor, or at the beginning. */
	public static ScrollPosition position(ScrollSubrange subrange) {
		ScrollPosition position = subrange.position().orElse(ScrollPosition.keyset());
		if (!(position instanceof KeysetScrollPosition)) {
			// Only keyset cursors are issued; an offset one would make the store skip
			// rows.
			throw new BadRequestException("after is not a cursor this API returned; use pageInfo.endCursor");
		}
		return position;
	}

}
