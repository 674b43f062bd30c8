package org.hromada.activity;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The signed heads of every chain of the activity log at the end of one day (UTC). A copy
 * kept outside the service proves later that the history up to then was not rewritten:
 * the chains must still run through these heads. One per day: the first replica to sign
 * it stores it, the others find it there.
 *
 * @param day the day, as YYYY-MM-DD
 * @param payload the signed text (UTF-8): a version line, the day, when it was signed,
 * the algorithm, then one line per chain: chain, position and hash of its head
 * @param algorithm the JDK name of the signature algorithm (Ed25519 or SHA256withECDSA)
 * @param signature the signature of the payload, base64
 * @param signedAt when it was signed
 */
@Document(AuditCheckpointDocument.COLLECTION)
record AuditCheckpointDocument(@Id String day, String payload, String algorithm, String signature, Instant signedAt) {

	static final String COLLECTION = "auditCheckpoints";

}
