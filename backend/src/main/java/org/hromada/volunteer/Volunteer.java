package org.hromada.volunteer;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.hromada.graphql.GeoPoint;
import org.hromada.security.Guarded;

/**
 * A volunteer profile as the API shows it. The contact is CONFIDENTIAL and the other
 * details PERSONAL in the schema: the volunteer, coordinators of any community they serve
 * and admins see them; other volunteers see the name only ({@link Guarded}).
 */
public record Volunteer(String id, Long version, String displayName, VolunteerContact contact, List<Skill> skills,
		List<String> languages, String homeCommunityPcode, List<String> communities, GeoPoint location,
		List<WeeklyWindow> weeklyAvailability, List<DateRange> availableDates, Integer maxActiveAssignments,
		Integer weeklyHoursCap, Vetting vetting, VolunteerStatus status, Instant createdAt,
		Instant updatedAt) implements Guarded {

	@Override
	public String entityType() {
		return "Volunteer";
	}

	/** The home community, else the first served; see {@link #communityPcodes()}. */
	@Override
	public String communityPcode() {
		return (this.homeCommunityPcode != null) ? this.homeCommunityPcode
				: (this.communities.isEmpty() ? null : this.communities.get(0));
	}

	@Override
	public Set<String> communityPcodes() {
		return Set.copyOf(this.communities);
	}

	@Override
	public Set<String> personallyEntitled() {
		return Set.of(this.id);
	}

	/** Whether the volunteer takes assignments. */
	public boolean active() {
		return this.status == VolunteerStatus.ACTIVE;
	}

}
