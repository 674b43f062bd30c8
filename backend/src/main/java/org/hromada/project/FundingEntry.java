package org.hromada.project;

import java.time.Instant;

import org.hromada.graphql.Money;

/**
 * A funding commitment or disbursement, as stored in its project.
 *
 * @param id entry id
 * @param organizationKey the funding organisation
 * @param kind commitment or disbursement
 * @param amount the amount
 * @param date when the money was committed or disbursed
 * @param note free text, may name people
 * @param recordedBy Keycloak subject of who recorded it
 * @param recordedAt when it was recorded
 * @param clientRequestId idempotency key, unique per recorder within the project
 */
record FundingEntry(String id, String organizationKey, FundingKind kind, Money amount, Instant date, String note,
		String recordedBy, Instant recordedAt, String clientRequestId) {

}
