package org.hromada.security;

import java.util.Set;

/**
 * An API record that holds @sensitive fields. It tells the sensitivity policy whom the
 * record belongs to, so the policy can decide who sees those fields.
 */
public interface Guarded {

	/** Kind of record, for example AidRequest. */
	String entityType();

	/** Id of the record. */
	String id();

	/** P-code of the community the record belongs to. */
	String communityPcode();

	/** Users personally tied to the record (who logged it, who is assigned to it). */
	default Set<String> personallyEntitled() {
		return Set.of();
	}

	/** Organisations whose partner users see the record in full. */
	default Set<String> entitledOrganizations() {
		return Set.of();
	}

}
