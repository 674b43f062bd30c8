package org.hromada.volunteer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults of a new volunteer profile (hromada.volunteer.*).
 *
 * @param defaultMaxActiveAssignments most assignments a new volunteer holds at once
 * @param defaultWeeklyHoursCap most planned hours per ISO week of a new volunteer
 */
@ConfigurationProperties("hromada.volunteer")
record VolunteerSettings(@DefaultValue("3") int defaultMaxActiveAssignments,
		@DefaultValue("40") int defaultWeeklyHoursCap) {

}
