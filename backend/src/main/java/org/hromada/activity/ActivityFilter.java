package org.hromada.activity;

import java.time.OffsetDateTime;

/** Conditions on activities; null means no condition. */
record ActivityFilter(String entityType, String entityId, String actorId, String communityPcode, OffsetDateTime since) {

	static final ActivityFilter NONE = new ActivityFilter(null, null, null, null, null);

}
