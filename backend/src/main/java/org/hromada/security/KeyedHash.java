package org.hromada.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with a secret key, as hex: lets the service compare personal values
 * (phones, emails) without keeping them in clear. Without the key a hash cannot be
 * reversed by trying every phone number or address. Also the plain SHA-256 of one-time
 * tokens, which are random and need no key.
 */
public final class KeyedHash {

	private final SecretKeySpec key;

	/**
	 * @param key the secret, at least 16 characters
	 * @param property the setting it comes from, named when it is too short
	 */
	public KeyedHash(String key, String property) {
		if (key == null || key.length() < 16) {
			throw new IllegalStateException(property + " must be a secret of at least 16 characters");
		}
		this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	public String of(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	/**
	 * The SHA-256 of a random one-time token, as hex: what is stored instead of the
	 * token.
	 */
	public static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
