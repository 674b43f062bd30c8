package org.hromada.activity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the tamper-evident audit trail (hromada.audit.*).
 *
 * @param chainInterval how often each replica links new activity entries into their
 * chains
 * @param chainBatchSize entries one chaining round takes
 * @param signingKey private key that signs the daily checkpoints: PKCS#8, as PEM or as
 * the base64 of its DER form, Ed25519 or EC (ECDSA with SHA-256); blank: no checkpoints
 * are signed (said at start-up)
 */
@ConfigurationProperties("hromada.audit")
public record AuditSettings(@DefaultValue("1s") Duration chainInterval, @DefaultValue("500") int chainBatchSize,
		String signingKey) {

	public AuditSettings {
		if (chainInterval.isNegative() || chainInterval.isZero()) {
			throw new IllegalArgumentException("hromada.audit.chain-interval must be positive");
		}
		if (chainBatchSize < 1) {
			throw new IllegalArgumentException("hromada.audit.chain-batch-size must be at least 1");
		}
	}

	boolean signs() {
		return this.signingKey != null && !this.signingKey.isBlank();
	}

}
