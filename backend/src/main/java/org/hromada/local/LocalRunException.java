package org.hromada.local;

/**
 * The local run cannot start for a reason the user can fix;
 * {@link LocalRunFailureAnalyzer} explains it.
 */
public class LocalRunException extends IllegalStateException {

	private final String action;

	public LocalRunException(String description, String action) {
		super(description);
		this.action = action;
	}

	public String action() {
		return this.action;
	}

}
