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

	/**
	 * P-codes of all communities the record belongs to; a person serving several
	 * communities (a volunteer profile) belongs to each. Coordinators of any of them are
	 * that record's coordinators.
	 */
	default Set<String> communityPcodes() {
		return (communityPcode() != null) ? Set.of(communityPcode()) : Set.of();
	}

	/** Users personally tied to the record (who logged it, who is assigned to it). */
	default Set<String> personallyEntitled() {
		return Set.of();
	}

	/** Organisations whose partner users see the record in full. */
	default Set<String> entitledOrganizations() {
		return Set.of();
	}

	/**
	 * Organisations whose partner users see the record's fields of this sensitivity; by
	 * default those that see it in full. A record can grant less than everything (a
	 * claimed need: RESTRICTED fields to the holder, the contact only while the claim is
	 * active).
	 */
	default Set<String> entitledOrganizations(Sensitivity sensitivity) {
		return entitledOrganizations();
	}

}
