package org.hromada.volunteer;

import org.hromada.security.Caller;

/**
 * Published when a volunteer may take less work than before: their vetting was revoked,
 * or they set themselves INACTIVE. Features holding work of theirs (assignments) re-check
 * it and withdraw what the volunteer may no longer hold. The volunteer feature defines it
 * so that it depends on none of them.
 *
 * @param volunteerId the volunteer
 * @param by who made the change
 */
public record VolunteerRestricted(String volunteerId, Caller by) {

}
