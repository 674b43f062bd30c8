package org.hromada.aid;

import java.time.Instant;

/** A coordinator's override of the computed priority: who, why, when. */
public record PriorityOverride(Priority priority, String by, String reason, Instant at) {

}
