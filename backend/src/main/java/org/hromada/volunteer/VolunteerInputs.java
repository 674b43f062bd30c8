package org.hromada.volunteer;

import java.time.OffsetDateTime;
import java.util.List;

import org.hromada.graphql.GeoPoint;

import org.springframework.graphql.data.ArgumentValue;

/** The inputs of the volunteer operations, as the schema declares them. */
final class VolunteerInputs {

	private VolunteerInputs() {
	}

	/** Which skills a filter requires. */
	enum SkillMatch {

		ALL, ANY

	}

	record VolunteerFilter(String community, List<Skill> skills, SkillMatch skillMatch, String language,
			OffsetDateTime availableFrom, OffsetDateTime availableTo, Vetting vetting, VolunteerStatus status) {

		static final VolunteerFilter NONE = new VolunteerFilter(null, null, null, null, null, null, null, null);

	}

	record DateRangeInput(OffsetDateTime from, OffsetDateTime to) {

	}

	/**
	 * An omitted field keeps its value; an explicit null clears it (and is refused where
	 * required).
	 */
	record UpdateMyProfileInput(Long version, ArgumentValue<String> displayName,
			ArgumentValue<VolunteerContact> contact, ArgumentValue<List<Skill>> skills,
			ArgumentValue<List<String>> languages, ArgumentValue<String> homeCommunityPcode,
			ArgumentValue<GeoPoint> location, ArgumentValue<List<WeeklyWindow>> weeklyAvailability,
			ArgumentValue<List<DateRangeInput>> availableDates, ArgumentValue<Integer> maxActiveAssignments,
			ArgumentValue<Integer> weeklyHoursCap, ArgumentValue<VolunteerStatus> status) {

	}

	record SetVolunteerVettingInput(String volunteerId, Vetting vetting) {

	}

}
