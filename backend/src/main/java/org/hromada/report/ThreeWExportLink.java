package org.hromada.report;

import java.time.Instant;

/** A one-time link to download a 3W export. */
record ThreeWExportLink(String downloadPath, Instant expiresAt) {

}
