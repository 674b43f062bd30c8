package org.hromada.project;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.project.ProjectStatus.CANCELLED;
import static org.hromada.project.ProjectStatus.COMPLETED;
import static org.hromada.project.ProjectStatus.COMPLETION;
import static org.hromada.project.ProjectStatus.IDENTIFICATION;
import static org.hromada.project.ProjectStatus.IMPLEMENTATION;
import static org.hromada.project.ProjectStatus.ON_HOLD;
import static org.hromada.project.ProjectStatus.PREPARATION;

/** Every pair of statuses, against the lifecycle of the design. */
class ProjectStatusTests {

	private static Set<ProjectStatus> expected(ProjectStatus from, ProjectStatus heldFrom) {
		return switch (from) {
			case IDENTIFICATION -> EnumSet.of(PREPARATION, ON_HOLD, CANCELLED);
			case PREPARATION -> EnumSet.of(IMPLEMENTATION, ON_HOLD, CANCELLED);
			case IMPLEMENTATION -> EnumSet.of(COMPLETION, ON_HOLD, CANCELLED);
			case COMPLETION -> EnumSet.of(COMPLETED, ON_HOLD, CANCELLED);
			case ON_HOLD -> EnumSet.of(heldFrom, CANCELLED);
			case COMPLETED, CANCELLED -> EnumSet.noneOf(ProjectStatus.class);
		};
	}

	@ParameterizedTest
	@EnumSource(ProjectStatus.class)
	void eachStatusMovesExactlyAsTheLifecycleSays(ProjectStatus from) {
		ProjectStatus heldFrom = (from == ON_HOLD) ? IMPLEMENTATION : null;
		for (ProjectStatus to : ProjectStatus.values()) {
			assertThat(from.canMoveTo(to, heldFrom)).as(from + " -> " + to)
				.isEqualTo(expected(from, heldFrom).contains(to));
		}
	}

	@ParameterizedTest
	@EnumSource(value = ProjectStatus.class,
			names = { "IDENTIFICATION", "PREPARATION", "IMPLEMENTATION", "COMPLETION" })
	void aProjectOnHoldReturnsOnlyToWhereItWasHeldFrom(ProjectStatus heldFrom) {
		for (ProjectStatus to : ProjectStatus.values()) {
			boolean allowed = to == heldFrom || to == CANCELLED;
			assertThat(ON_HOLD.canMoveTo(to, heldFrom)).as("ON_HOLD (from " + heldFrom + ") -> " + to)
				.isEqualTo(allowed);
		}
	}

	@ParameterizedTest
	@EnumSource(ProjectStatus.class)
	void onlyCompletedAndCancelledAreClosed(ProjectStatus status) {
		assertThat(status.isOpen()).isEqualTo(status != COMPLETED && status != CANCELLED);
	}

}
