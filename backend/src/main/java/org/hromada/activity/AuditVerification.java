package org.hromada.activity;

/**
 * The answer of a chain verification: intact with the number of entries checked and the
 * position and hash of the last one, or the first entry that does not match.
 *
 * @param chain the chain checked: a community's P-code, or "-" for records without one
 * @param intact whether every entry checked matches its hash and follows the one before
 * @param entries how many entries were checked (up to the mismatch, if any)
 * @param headSeq position of the last entry checked that matched, 0 if none
 * @param headHash hash of that entry, the genesis hash if none
 * @param firstMismatch the first entry that does not match; null when intact
 */
public record AuditVerification(String chain, boolean intact, long entries, long headSeq, String headHash,
		Mismatch firstMismatch) {

	/**
	 * An entry that does not match.
	 *
	 * @param seq position in the chain where the mismatch is
	 * @param entryId the entry found there (for a missing entry: the one found after the
	 * gap, if any)
	 * @param problem what is wrong
	 * @param detail a sentence for the admin, naming positions and entry ids only
	 */
	public record Mismatch(long seq, String entryId, Problem problem, String detail) {

	}

	/** Why an entry does not match. */
	public enum Problem {

		/** Its content no longer gives its hash, or it was rewritten with a new hash. */
		EDITED,

		/** Entries of the chain are gone. */
		MISSING,

		/** It stands at another position than the one it was chained at. */
		REORDERED

	}

}
