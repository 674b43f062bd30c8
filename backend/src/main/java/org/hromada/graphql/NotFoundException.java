package org.hromada.graphql;

/**
 * A record the request names does not exist, or the caller may not know it exists.
 * Becomes a NOT_FOUND GraphQL error with this message, which must be safe to show.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message, null, false, false);
	}

}
