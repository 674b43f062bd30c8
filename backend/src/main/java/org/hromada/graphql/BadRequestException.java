package org.hromada.graphql;

/**
 * A query argument the server cannot act on (a page size out of bounds, a malformed
 * cursor). Becomes a BAD_REQUEST GraphQL error whose message is shown to the client as
 * is, so it must be safe.
 */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message, null, false, false);
	}

}
