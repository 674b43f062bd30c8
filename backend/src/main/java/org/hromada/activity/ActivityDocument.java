package org.hromada.activity;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the append-only activity log. Entries are inserted, never updated or
 * deleted, so they carry no version. The summary names records, never people's details.
 */
@Document(ActivityDocument.COLLECTION)
record ActivityDocument(@Id String id, Instant at, String actorId, String action, String entityType, String entityId,
		String communityPcode, String summary, String key) {

	static final String COLLECTION = "activities";

}
