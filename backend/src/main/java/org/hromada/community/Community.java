package org.hromada.community;

import java.time.OffsetDateTime;

import org.hromada.graphql.GeoPoint;
import org.hromada.graphql.LocalizedText;

/** A community as the API shows it. Other features receive communities in this form. */
public record Community(String id, Long version, String pcode, String katottg, LocalizedText name, AdminUnit adm1,
		AdminUnit adm2, Integer population, GeoPoint location, AccessStatus accessStatus, boolean sample,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {

}
