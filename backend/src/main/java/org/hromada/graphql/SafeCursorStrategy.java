package org.hromada.graphql;

import java.util.Collection;
import java.util.Map;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.query.ScrollPositionCursorStrategy;

/**
 * Spring for GraphQL's keyset cursors (base64 of the sort keys of the last item), made
 * safe to take from clients: a cursor that does not decode is a BAD_REQUEST naming the
 * argument, and a cursor whose keys are not plain values (for example a smuggled query
 * operator object) is refused rather than passed into a MongoDB query.
 */
final class SafeCursorStrategy implements CursorStrategy<ScrollPosition> {

	private final CursorStrategy<ScrollPosition> delegate = CursorStrategy
		.withEncoder(new ScrollPositionCursorStrategy(), CursorEncoder.base64());

	@Override
	public boolean supports(Class<?> targetType) {
		return this.delegate.supports(targetType);
	}

	@Override
	public String toCursor(ScrollPosition position) {
		return this.delegate.toCursor(position);
	}

	@Override
	public ScrollPosition fromCursor(String cursor) {
		ScrollPosition position;
		try {
			position = this.delegate.fromCursor(cursor);
		}
		catch (RuntimeException ex) {
			throw invalid();
		}
		if (position instanceof KeysetScrollPosition keyset && !onlyPlainValues(keyset.getKeys())) {
			throw invalid();
		}
		return position;
	}

	private static boolean onlyPlainValues(Map<String, Object> keys) {
		return keys.values().stream().noneMatch(value -> value instanceof Map || value instanceof Collection);
	}

	private static BadRequestException invalid() {
		return new BadRequestException("after is not a cursor this API returned; use pageInfo.endCursor");
	}

}
