package org.hromada.activity;

import java.time.OffsetDateTime;

/** Conditions on activities; null means no condition. */
record ActivityFilter(String entityType, String entityId, String actorId, String communityPcode, OffsetDateTime since) {

	static final ActivityFilter NONE = new ActivityFilter(null, null, null, null, null);

	/**
	 * Whether a new entry meets the conditions, as the query of the activities list does;
	 * since is left out: a live entry is always newer.
	 */
	boolean matchesLive(Activity activity) {
		return (this.entityType == null || this.entityType.equals(activity.entityType()))
				&& (this.entityId == null || this.entityId.equals(activity.entityId()))
				&& (this.actorId == null || this.actorId.equals(activity.actorId()))
				&& (this.communityPcode == null || this.communityPcode.equals(activity.communityPcode()));
	}

}
