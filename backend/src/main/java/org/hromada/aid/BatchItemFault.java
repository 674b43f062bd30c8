package org.hromada.aid;

import java.util.UUID;

import org.hromada.graphql.UserError;
import org.hromada.graphql.UserErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unexpected failure of one item of a batch, turned into that item's user error. The
 * client gets a reference and nothing internal. The log gets the same reference, the
 * exception's class and where it was thrown, but neither its message nor the item: either
 * may hold personal data (a name, a phone, a description).
 */
final class BatchItemFault {

	private static final Logger log = LoggerFactory.getLogger(BatchItemFault.class);

	private BatchItemFault() {
	}

	/**
	 * Logs the failure and returns the error for the item, with a path relative to it.
	 */
	static UserError report(int index, Throwable ex) {
		String reference = UUID.randomUUID().toString();
		log.error("Item {} of a batch failed unexpectedly (reference {}): {} at {}", index, reference,
				ex.getClass().getName(), origin(ex));
		return UserError.of(UserErrorCode.INTERNAL_ERROR, "Internal error; reference " + reference
				+ ". This item may not have been recorded; the other items were processed. Retry it later with the same "
				+ "clientRequestId, which never records it twice.");
	}

	/** The innermost frame of the application's own code, else the throwing frame. */
	private static String origin(Throwable ex) {
		StackTraceElement[] frames = ex.getStackTrace();
		for (StackTraceElement frame : frames) {
			if (frame.getClassName().startsWith("org.hromada.")) {
				return frame.toString();
			}
		}
		return (frames.length > 0) ? frames[0].toString() : "an unknown place";
	}

}
