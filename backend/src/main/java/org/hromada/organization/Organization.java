package org.hromada.organization;

import java.time.OffsetDateTime;
import java.util.List;

import org.hromada.aid.Sector;
import org.hromada.graphql.LocalizedText;

/**
 * A partner organisation as the API shows it. Other features receive organisations in
 * this form. The communities are given by P-code; the API resolves them in a batch.
 */
public record Organization(String id, Long version, String key, LocalizedText name, String acronym,
		OrganizationType type, List<Sector> sectors, List<String> communityPcodes, boolean sample,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {

}
