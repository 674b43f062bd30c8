package org.hromada.activity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical form of an activity entry and its chain hash: SHA-256, in lower-case hex,
 * of a version line, the previous entry's hash and the canonical form. The canonical form
 * lists every field an entry is created with (id, time in epoch milliseconds as stored,
 * actor, action, entity type and id, community, summary, key), each as name, length and
 * value, so that no two different entries share one form. The position in the chain (seq)
 * is not hashed: the order is proven by the links (each entry names the hash of the one
 * before), which is what tells a reordered entry from an edited one.
 */
final class ActivityHashes {

	/** The previous hash of the first entry of every chain. */
	static final String GENESIS = "0".repeat(64);

	/** The chain of entries that belong to no community. */
	static final String NO_COMMUNITY = "-";

	private static final String VERSION = "hromada-activity-v1";

	private ActivityHashes() {
	}

	static String chainOf(String communityPcode) {
		return (communityPcode != null) ? communityPcode : NO_COMMUNITY;
	}

	/** The hash an entry carries when it follows an entry of the given hash. */
	static String hash(String prevHash, ActivityDocument entry) {
		return sha256(VERSION + "\n" + prevHash + "\n" + canonical(entry));
	}

	static String canonical(ActivityDocument entry) {
		StringBuilder form = new StringBuilder();
		field(form, "id", entry.id());
		field(form, "at", (entry.at() != null) ? Long.toString(entry.at().toEpochMilli()) : null);
		field(form, "actorId", entry.actorId());
		field(form, "action", entry.action());
		field(form, "entityType", entry.entityType());
		field(form, "entityId", entry.entityId());
		field(form, "communityPcode", entry.communityPcode());
		field(form, "summary", entry.summary());
		field(form, "key", entry.key());
		return form.toString();
	}

	/** name, then ~ for an absent value, or its length, a colon and the value. */
	private static void field(StringBuilder form, String name, String value) {
		form.append(name).append('=');
		if (value == null) {
			form.append('~');
		}
		else {
			form.append(value.length()).append(':').append(value);
		}
		form.append('\n');
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			// Every Java platform has SHA-256 (required by the JCA specification).
			throw new IllegalStateException(ex);
		}
	}

}
