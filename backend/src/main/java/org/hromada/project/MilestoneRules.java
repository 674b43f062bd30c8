package org.hromada.project;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.hromada.graphql.UserError;
import org.hromada.graphql.UserErrorCode;
import org.hromada.graphql.UserErrorException;

/**
 * The lifecycle of a milestone, as strict as that of needs and assignments: only a
 * project in an open status (ON_HOLD included) has milestones that change; a completed
 * milestone stays at 100 percent with an actual end; actual dates lie between the
 * project's start and now.
 */
final class MilestoneRules {

	/**
	 * How far past now an actual date may lie: a client clock running a little ahead, no
	 * more (an actual date is something that has happened).
	 */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private MilestoneRules() {
	}

	/** Refuses any milestone change on a COMPLETED or CANCELLED project. */
	static void requireOpen(ProjectDocument project) {
		if (!project.getStatus().isOpen()) {
			throw new UserErrorException(
					UserError.of(UserErrorCode.INVALID_TRANSITION,
							"The project is " + project.getStatus()
									+ "; its milestones can no longer be added, changed or completed",
							"input", "projectId"));
		}
	}

	/**
	 * When a project starts, for its milestones' actual dates: when it was recorded, or
	 * when its damage was assessed if that was earlier (a project recorded late may have
	 * work done before).
	 */
	static Instant projectStart(ProjectDocument project) {
		Instant start = project.getCreatedAt();
		if (start == null && !project.getStatusHistory().isEmpty()) {
			start = project.getStatusHistory().get(0).at();
		}
		DamageAssessment assessment = project.getDamageAssessment();
		if (assessment != null && assessment.assessedAt() != null
				&& (start == null || assessment.assessedAt().isBefore(start))) {
			start = assessment.assessedAt();
		}
		return start;
	}

	/**
	 * What is wrong with a milestone as it would be stored: its own fields, and its
	 * change from the current one (null when it is new).
	 * @param start the project's start ({@link #projectStart})
	 * @param now the current time
	 */
	static List<UserError> check(Milestone changed, Milestone current, Instant start, Instant now) {
		List<UserError> errors = new ArrayList<>();
		if (changed.title() == null || changed.title().isBlank() || changed.title().length() > 200) {
			errors.add(UserError.of(UserErrorCode.INVALID, "title must have 1 to 200 characters", "input", "title"));
		}
		if (changed.percentComplete() < 0 || changed.percentComplete() > 100) {
			errors.add(UserError.of(UserErrorCode.INVALID, "percentComplete must be between 0 and 100", "input",
					"percentComplete"));
		}
		else if (changed.completed() && changed.percentComplete() != 100) {
			errors.add(UserError.of(UserErrorCode.INVALID_TRANSITION,
					"A completed milestone stays at 100 percent complete", "input", "percentComplete"));
		}
		if (changed.plannedStart() != null && changed.plannedEnd() != null
				&& changed.plannedEnd().isBefore(changed.plannedStart())) {
			errors.add(UserError.of(UserErrorCode.INVALID, "plannedEnd must not be before plannedStart", "input",
					"plannedEnd"));
		}
		if (changed.completed() && changed.actualEnd() == null) {
			errors.add(UserError.of(UserErrorCode.INVALID_TRANSITION, "A completed milestone keeps its actual end",
					"input", "actualEnd"));
		}
		// Stored dates that are not changed are left alone, whatever rules applied when
		// they were written.
		Instant currentStart = (current != null) ? current.actualStart() : null;
		Instant currentEnd = (current != null) ? current.actualEnd() : null;
		if (!Objects.equals(changed.actualStart(), currentStart)) {
			checkActual(changed.actualStart(), "actualStart", start, now, errors);
		}
		if (!Objects.equals(changed.actualEnd(), currentEnd)) {
			checkActual(changed.actualEnd(), "actualEnd", start, now, errors);
		}
		if (changed.actualStart() != null && changed.actualEnd() != null
				&& changed.actualEnd().isBefore(changed.actualStart())) {
			errors.add(UserError.of(UserErrorCode.INVALID, "actualEnd must not be before actualStart", "input",
					"actualEnd"));
		}
		return errors;
	}

	private static void checkActual(Instant value, String field, Instant start, Instant now, List<UserError> errors) {
		if (value == null) {
			return;
		}
		if (start != null && value.isBefore(start)) {
			errors.add(UserError.of(UserErrorCode.INVALID, field + " must not be before the project's start, " + start
					+ " (when it was recorded, or its damage assessed if earlier)", "input", field));
		}
		else if (value.isAfter(now.plus(CLOCK_SKEW))) {
			errors.add(UserError.of(UserErrorCode.INVALID,
					field + " must not be in the future: it is when the work actually started or ended", "input",
					field));
		}
	}

}
