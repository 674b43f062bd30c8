package org.hromada.activity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The private key that signs audit checkpoints, read from configuration: PKCS#8, as PEM
 * or as the base64 of its DER form (what {@code openssl genpkey} writes), Ed25519 or EC.
 * EC keys sign with ECDSA over SHA-256 (a DER signature, as {@code openssl dgst}
 * verifies). The key itself is never logged nor put in a message.
 *
 * @param key the private key
 * @param algorithm the signature algorithm as the JDK names it
 */
record AuditSigningKey(PrivateKey key, String algorithm) {

	static AuditSigningKey parse(String configured) {
		byte[] der;
		try {
			der = Base64.getMimeDecoder()
				.decode(configured.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", ""));
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		for (String[] kind : new String[][] { { "Ed25519", "Ed25519" }, { "EC", "SHA256withECDSA" } }) {
			try {
				return new AuditSigningKey(
						KeyFactory.getInstance(kind[0]).generatePrivate(new PKCS8EncodedKeySpec(der)), kind[1]);
			}
			catch (GeneralSecurityException ex) {
				// Not a key of this kind: try the next.
			}
		}
		throw invalid();
	}

	private static IllegalArgumentException invalid() {
		return new IllegalArgumentException(
				"hromada.audit.signing-key (HROMADA_AUDIT_SIGNING_KEY) is not a PKCS#8 Ed25519 or EC private key "
						+ "(PEM, or the base64 of its DER form)");
	}

	/** The signature of the text's UTF-8 bytes. */
	byte[] sign(String text) {
		try {
			Signature signature = Signature.getInstance(this.algorithm);
			signature.initSign(this.key);
			signature.update(text.getBytes(StandardCharsets.UTF_8));
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Signing the audit checkpoint failed", ex);
		}
	}

}
