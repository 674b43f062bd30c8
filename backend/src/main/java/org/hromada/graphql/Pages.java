package org.hromada.graphql;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
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

	/** The number of items to return, refusing sizes out of bounds with a clear error. */
	public static Limit limit(ScrollSubrange subrange) {
		int size = subrange.count().orElse(DEFAULT_SIZE);
		if (size < 1 || size > MAX_SIZE) {
			throw new BadRequestException("first must be between 1 and " + MAX_SIZE + ", was " + size);
		}
		return Limit.of(size);
	}

	/** Where the page starts: after the given cursor, or at the beginning. */
	public static ScrollPosition position(ScrollSubrange subrange) {
		return subrange.position().orElse(ScrollPosition.keyset());
	}

}
