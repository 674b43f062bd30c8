package org.hromada.project;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of a rebuilding project (OC4IDS statuses plus ON_HOLD): IDENTIFICATION ->
 * PREPARATION -> IMPLEMENTATION -> COMPLETION -> COMPLETED; any open status -> ON_HOLD
 * and from there back to the status it was held from; any open status -> CANCELLED.
 */
public enum ProjectStatus {

	IDENTIFICATION, PREPARATION, IMPLEMENTATION, COMPLETION, COMPLETED, CANCELLED, ON_HOLD;

	private static final Set<ProjectStatus> OPEN = EnumSet.of(IDENTIFICATION, PREPARATION, IMPLEMENTATION, COMPLETION,
			ON_HOLD);

	private static final Map<ProjectStatus, ProjectStatus> FORWARD = Map.of(IDENTIFICATION, PREPARATION, PREPARATION,
			IMPLEMENTATION, IMPLEMENTATION, COMPLETION, COMPLETION, COMPLETED);

	boolean isOpen() {
		return OPEN.contains(this);
	}

	/**
	 * The statuses this one may move to.
	 * @param heldFrom the status a project ON_HOLD was held from; ignored otherwise
	 */
	Set<ProjectStatus> next(ProjectStatus heldFrom) {
		Set<ProjectStatus> next = EnumSet.noneOf(ProjectStatus.class);
		if (this == ON_HOLD) {
			if (heldFrom != null) {
				next.add(heldFrom);
			}
		}
		else if (isOpen()) {
			next.add(FORWARD.get(this));
			next.add(ON_HOLD);
		}
		if (isOpen()) {
			next.add(CANCELLED);
		}
		return next;
	}

	boolean canMoveTo(ProjectStatus target, ProjectStatus heldFrom) {
		return next(heldFrom).contains(target);
	}

}
