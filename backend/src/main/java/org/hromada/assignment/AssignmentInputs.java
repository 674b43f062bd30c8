package org.hromada.assignment;

import java.time.OffsetDateTime;
import java.util.List;

/** The inputs of the assignment operations, as the schema declares them. */
final class AssignmentInputs {

	private AssignmentInputs() {
	}

	record TaskInput(TaskKind kind, String id) {

		TaskRef ref() {
			return new TaskRef(this.kind, this.id);
		}

	}

	record TimeWindowInput(OffsetDateTime start, OffsetDateTime end) {

	}

	record AssignVolunteerInput(TaskInput task, String volunteerId, TimeWindowInput window, String description) {

	}

	record RespondToAssignmentInput(String id, Boolean accept, String reason) {

	}

	record CheckInInput(String id) {

	}

	record CompleteAssignmentInput(String id, Double hoursWorked, String note) {

	}

	record CancelAssignmentInput(String id, String reason) {

	}

	record AssignmentFilter(String community, String volunteerId, TaskInput task, List<AssignmentStatus> statuses) {

		static final AssignmentFilter NONE = new AssignmentFilter(null, null, null, null);

	}

}
