package org.hromada.graphql;

import java.util.ArrayList;
import java.util.List;

/**
 * An expected business failure reported in a mutation payload: what is wrong, where, and
 * a message safe to show to the person who sent it.
 *
 * @param path path of the input field at fault, empty for the whole input
 * @param code machine-readable reason
 * @param message readable explanation without internals or personal data
 */
public record UserError(List<String> path, UserErrorCode code, String message) {

	public UserError {
		path = List.copyOf(path);
	}

	public static UserError of(UserErrorCode code, String message, String... path) {
		return new UserError(List.of(path), code, message);
	}

	/**
	 * The same error under a path prefix, for example "input" or an item index of a
	 * batch.
	 */
	public UserError under(String... prefix) {
		List<String> full = new ArrayList<>(List.of(prefix));
		full.addAll(this.path);
		return new UserError(full, this.code, this.message);
	}

}
