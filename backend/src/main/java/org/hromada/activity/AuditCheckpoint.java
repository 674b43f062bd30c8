package org.hromada.activity;

import java.time.OffsetDateTime;

/** A signed daily checkpoint of the chains' heads, as the API shows it. */
public record AuditCheckpoint(String day, OffsetDateTime signedAt, String algorithm, String payload, String signature) {

}
