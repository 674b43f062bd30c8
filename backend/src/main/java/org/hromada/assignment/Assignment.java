package org.hromada.assignment;

import java.time.Instant;
import java.util.Set;

import org.hromada.security.Guarded;

/**
 * An assignment as the API shows it. Its description and note are free text and
 * RESTRICTED in the schema; the assigned volunteer always sees them ({@link Guarded}).
 */
public record Assignment(String id, Long version, TaskRef taskRef, String volunteerId, String communityPcode,
		TimeWindow window, String description, String assignedBy, AssignmentStatus status, Instant offerDeadline,
		Instant checkInDeadline, Instant checkedInAt, Double hoursWorked, String note, Instant createdAt,
		Instant updatedAt) implements Guarded {

	@Override
	public String entityType() {
		return "Assignment";
	}

	@Override
	public Set<String> personallyEntitled() {
		return Set.of(this.volunteerId);
	}

}
