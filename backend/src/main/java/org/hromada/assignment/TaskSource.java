package org.hromada.assignment;

import java.util.Collection;
import java.util.Map;

import org.hromada.security.Caller;

/**
 * A feature whose records volunteers can be assigned to. The assignment feature finds
 * tasks through the sources registered as beans (one per {@link TaskKind}) and tells the
 * source when the work on a task starts, moves on or is released, so the task can follow
 * (an aid request becomes ASSIGNED when an offer is accepted, for example).
 */
public interface TaskSource {

	/** The kind of task this source owns. */
	TaskKind kind();

	/** The tasks with the given ids that exist, by id, in one query. */
	Map<String, TaskInfo> find(Collection<String> ids);

	/** A volunteer accepted an offer on the task. */
	default void accepted(String id, String volunteerId, Caller by) {
	}

	/** A volunteer checked in on the task: work has started. */
	default void started(String id, String volunteerId, Caller by) {
	}

	/**
	 * A volunteer has no accepted or in-progress assignment on the task any more (one
	 * ended, and no other of theirs holds them on it): they are no longer tied to the
	 * task (an aid request's contact is hidden from them again). Also called after a
	 * declined or expired offer, and again when an interrupted follow-up is completed:
	 * must be idempotent, and a no-op for a volunteer who was never tied.
	 */
	default void unassigned(String id, String volunteerId, Caller by) {
	}

	/**
	 * The task has no accepted or in-progress assignment left (offers may still be
	 * pending) and no completed one, so it is free to be staffed again. Never called on a
	 * task with completed work (the coordinator closes it). May be called more than once:
	 * must be idempotent.
	 */
	default void released(String id, Caller by) {
	}

}
