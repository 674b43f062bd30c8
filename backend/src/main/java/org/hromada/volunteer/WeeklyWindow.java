package org.hromada.volunteer;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A recurring weekly time window in UTC, times as HH:MM.
 *
 * @param day day of the week
 * @param start start time
 * @param end end time, after the start
 */
public record WeeklyWindow(@NotNull DayOfWeek day,
		@NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:MM") String start,
		@NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]|24:00", message = "must be HH:MM") String end) {

	/** Start as minutes after midnight. */
	public int startMinute() {
		return minutes(this.start);
	}

	/** End as minutes after midnight. */
	public int endMinute() {
		return minutes(this.end);
	}

	private static int minutes(String time) {
		return "24:00".equals(time) ? 24 * 60 : LocalTime.parse(time).toSecondOfDay() / 60;
	}

}
