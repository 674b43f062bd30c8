package org.hromada.graphql;

/**
 * Machine-readable reasons of {@link UserError}s, mirrored by the schema enum
 * UserErrorCode.
 */
public enum UserErrorCode {

	INVALID, DUPLICATE, CONFLICT, NOT_FOUND, INVALID_TRANSITION, OVER_CAPACITY, FORBIDDEN, INTERNAL_ERROR

}
