package org.hromada.activity;

import java.time.OffsetDateTime;

/** An activity log entry as the API shows it. */
public record Activity(String id, OffsetDateTime at, String actorId, String action, String entityType, String entityId,
		String communityPcode, String summary) {

}
