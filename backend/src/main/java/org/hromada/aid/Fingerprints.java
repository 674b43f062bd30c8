package org.hromada.aid;

import org.hromada.security.KeyedHash;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256 with the secret hromada.aid.fingerprint-key) that let the
 * service compare values without keeping them in clear: a contact phone (two requests
 * from the same phone are possible duplicates) and a whole submission (a retry with the
 * same clientRequestId must carry the same content). Without the key a fingerprint cannot
 * be reversed by trying all phone numbers.
 */
@Component
class Fingerprints {

	private final KeyedHash hash;

	Fingerprints(@Value("${hromada.aid.fingerprint-key}") String key) {
		this.hash = new KeyedHash(key, "hromada.aid.fingerprint-key");
	}

	/** The fingerprint of a phone's digits; null when there is no phone. */
	String phone(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		if (digits.isEmpty()) {
			return null;
		}
		// A Ukrainian number written nationally (0XX XXX XX XX) is the same phone as +380
		// XX XXX XX XX.
		if (digits.length() == 10 && digits.startsWith("0")) {
			digits = "38" + digits;
		}
		return this.hash.of("phone:" + digits);
	}

	/**
	 * The fingerprint of a submission's content, from its canonical text
	 * ({@link SubmissionForm}).
	 */
	String submission(String canonicalContent) {
		return this.hash.of("submission:" + canonicalContent);
	}

}
