package org.hromada.report;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.hromada.aid.Sector;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A prepared export: the area it covers, already checked against the caller's access when
 * the link was issued, and who may download it. The ticket itself is stored only as a
 * hash, so a copy of the database does not hand out downloads.
 */
@Document(ExportTicketDocument.COLLECTION)
record ExportTicketDocument(@Id String id, String ticketHash, String ownerId, List<String> communityPcodes,
		List<Sector> sectors, Instant from, Instant to, boolean suppressSmallCounts, Instant issuedAt,
		Instant expiresAt, Instant usedAt) {

	static final String COLLECTION = "exportTickets";

	ReportArea area() {
		return new ReportArea((this.communityPcodes != null) ? Set.copyOf(this.communityPcodes) : null,
				Set.copyOf(this.sectors), this.from, this.to, this.suppressSmallCounts);
	}

}
