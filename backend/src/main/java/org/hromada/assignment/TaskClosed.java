package org.hromada.assignment;

import org.hromada.security.Caller;

/**
 * Published by a task's owning feature when the task takes no more work (a milestone
 * completed, its project completed or cancelled): its active assignments are cancelled.
 * Defined here, not by the owner, because owners already depend on this feature (their
 * {@link TaskSource}); the aid feature, which this one depends on, publishes its own
 * event instead.
 *
 * @param task the task closed
 * @param by who closed it
 */
public record TaskClosed(TaskRef task, Caller by) {

}
