package org.hromada.graphql;

import java.util.List;

/**
 * Thrown by a service when a request fails for an expected business reason. It carries
 * user errors for the mutation payload and is thrown before anything is written.
 */
public class UserErrorException extends RuntimeException {

	private final List<UserError> errors;

	public UserErrorException(List<UserError> errors) {
		super(errors.isEmpty() ? "user error" : errors.get(0).message(), null, false, false);
		this.errors = List.copyOf(errors);
	}

	public UserErrorException(UserError error) {
		this(List.of(error));
	}

	public List<UserError> errors() {
		return this.errors;
	}

}
