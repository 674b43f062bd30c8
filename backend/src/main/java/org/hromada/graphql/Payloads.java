package org.hromada.graphql;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Turns the outcome of a mutation into its payload: the result on success, or the user
 * errors when the service refused the request for an expected reason. A concurrent write
 * that won the optimistic lock becomes a CONFLICT the client can act on (read again, then
 * retry).
 */
public final class Payloads {

	private Payloads() {
	}

	public static <R, P> P of(Supplier<R> action, Function<R, P> success, Function<List<UserError>, P> failure) {
		try {
			return success.apply(action.get());
		}
		catch (UserErrorException ex) {
			return failure.apply(ex.errors());
		}
		catch (OptimisticLockingFailureException ex) {
			return failure.apply(List.of(conflict()));
		}
	}

	/**
	 * Refuses an update made from another version than the stored one, before anything is
	 * written, with a CONFLICT on input.version that names both versions.
	 * @param record what the client changes, as the message names it ("community")
	 */
	public static void requireVersion(String record, Long stored, Long given) {
		if (!Objects.equals(stored, given)) {
			throw new UserErrorException(UserError.of(UserErrorCode.CONFLICT,
					"The " + record + " is at version " + stored + ", not " + given + "; read it again and retry",
					"input", "version"));
		}
	}

	public static UserError conflict() {
		return UserError.of(UserErrorCode.CONFLICT,
				"The record was changed by someone else since you read it; read it again and retry", "input",
				"version");
	}

}
