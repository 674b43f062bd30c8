package org.hromada.security;

import java.util.Set;

/**
 * A value nested in a guarded record (a status change of a need, a funding entry of a
 * project): its sensitive fields are judged by the record it belongs to, whatever path
 * reached it.
 */
public interface GuardedPart extends Guarded {

	/** The record this value belongs to. */
	Guarded owner();

	/**
	 * Whether this value's @sensitive fields are sensitive in the record it belongs to;
	 * false shows them to everyone who reads the value (the breakdown of people affected
	 * is sensitive only in protection sectors).
	 */
	default boolean guardsSensitiveFields() {
		return true;
	}

	@Override
	default String entityType() {
		return owner().entityType();
	}

	@Override
	default String id() {
		return owner().id();
	}

	@Override
	default String communityPcode() {
		return owner().communityPcode();
	}

	@Override
	default Set<String> communityPcodes() {
		return owner().communityPcodes();
	}

	@Override
	default Set<String> personallyEntitled() {
		return owner().personallyEntitled();
	}

	@Override
	default Set<String> entitledOrganizations() {
		return owner().entitledOrganizations();
	}

	@Override
	default Set<String> entitledOrganizations(Sensitivity sensitivity) {
		return owner().entitledOrganizations(sensitivity);
	}

}
