package org.hromada.aid;

import java.time.Instant;

/** One entry of an aid request's status history. */
public record StatusChange(AidRequestStatus from, AidRequestStatus to, String by, Instant at, String note) {

}
