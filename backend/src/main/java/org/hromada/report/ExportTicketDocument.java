package org.hromada.report;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A prepared export: the area it covers, already checked against the caller's access when
 * the link was issued, and who may download it. The ticket itself is stored only as a
 * hash, so a copy of the database does not hand out downloads.
 */
@Document(ExportTicketDocument.COLLECTION)
record ExportTicketDocument(@Id String id, String ticketHash, String ownerId, ReportArea area, Instant issuedAt,
		Instant expiresAt, Instant usedAt) {

	static final String COLLECTION = "exportTickets";

}
