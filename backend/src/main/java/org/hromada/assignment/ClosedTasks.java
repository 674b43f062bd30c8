package org.hromada.assignment;

import org.hromada.aid.AidRequestClosed;
import org.hromada.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends the work on tasks their owners closed (a need fulfilled, closed, cancelled or a
 * duplicate; a milestone or its project done): every active assignment of the task is
 * cancelled (booking freed, contact hidden, logged). Runs in the closing request after
 * the close is stored; if it fails or is lost, accepting and checking in still refuse the
 * closed task, and the assignments expire or are cancelled by hand.
 */
@Component
class ClosedTasks {

	private static final Logger log = LoggerFactory.getLogger(ClosedTasks.class);

	private final AssignmentService assignments;

	ClosedTasks(AssignmentService assignments) {
		this.assignments = assignments;
	}

	@EventListener
	void aidRequestClosed(AidRequestClosed event) {
		close(new TaskRef(TaskKind.AID_REQUEST, event.aidRequestId()), event.by(),
				"The aid request was closed (" + event.status() + ")");
	}

	@EventListener
	void taskClosed(TaskClosed event) {
		close(event.task(), event.by(), "The task was closed");
	}

	private void close(TaskRef task, Caller by, String reason) {
		try {
			int cancelled = this.assignments.cancelAllOf(task, by, reason);
			if (cancelled > 0) {
				log.info("{} task {} closed: {} active assignments cancelled", task.kind(), task.id(), cancelled);
			}
		}
		catch (RuntimeException ex) {
			// The close itself is stored; the task refuses further work anyway.
			log.warn("Cancelling the assignments of closed {} task {} failed: {}", task.kind(), task.id(),
					ex.getClass().getName());
		}
	}

}
