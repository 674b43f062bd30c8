package org.hromada.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires, by itself, every offer not answered by its deadline, every accepted assignment
 * not checked in by window start plus the grace and every assignment in progress not
 * completed by window end plus its grace, so that an unanswered offer or a forgotten
 * assignment never blocks a need or a volunteer. Safe with several replicas running it at
 * once: each assignment expires through one conditional update, which only one replica
 * wins; only the winner frees the volunteer and the task and logs the expiry (under a
 * once-only key). It also completes every follow-up that a crash, an error or a task that
 * kept changing interrupted (the task told of an acceptance or a check-in, or freed after
 * an expiry, cancellation, decline or completion): the change marked it pending in the
 * same update, and the idempotent follow-up clears the mark.
 */
@Component
class AssignmentExpirer {

	private static final Logger log = LoggerFactory.getLogger(AssignmentExpirer.class);

	private static final int BATCH = 500;

	private static final Duration FOLLOW_UP_DELAY = Duration.ofMinutes(1);

	private final AssignmentService assignments;

	private final Clock clock;

	AssignmentExpirer(AssignmentService assignments, Clock clock) {
		this.assignments = assignments;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${hromada.assignment.expiry-interval:1m}",
			initialDelayString = "${hromada.assignment.expiry-interval:1m}")
	void scheduledRun() {
		try {
			int expired = run();
			if (expired > 0) {
				log.info("Assignment expiry: {} assignments expired", expired);
			}
		}
		catch (RuntimeException ex) {
			// The store may be away; the next run tries again.
			log.warn("Assignment expiry failed, retrying next run: {}", ex.toString());
		}
	}

	/**
	 * Expires what is due now; returns how many this run expired (lost races excluded).
	 */
	int run() {
		return run(null);
	}

	/** Expires what is due now among the assignments matching the scope, if any. */
	int run(Criteria scope) {
		Instant now = this.clock.instant();
		int expired = 0;
		for (String id : this.assignments.due(now, BATCH, scope)) {
			try {
				if (this.assignments.expire(id, now)) {
					expired++;
				}
			}
			catch (RuntimeException ex) {
				// One assignment's failure must not stop the batch; a failed follow-up
				// stays
				// marked and is completed below on a later run. Ids only, no personal
				// data.
				log.warn("Assignment expiry of {} failed, completed on a later run: {}", id, ex.getClass().getName());
			}
		}
		// Follow-ups interrupted by a crash or an error, left alone for a while so that
		// the request that ended the assignment finishes its own first.
		for (String id : this.assignments.pendingFollowUps(now.minus(FOLLOW_UP_DELAY), BATCH, scope)) {
			try {
				if (this.assignments.completeFollowUp(id)) {
					log.info("Assignment {}: interrupted follow-up completed", id);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Follow-up of assignment {} failed, retrying next run: {}", id, ex.getClass().getName());
			}
		}
		return expired;
	}

}
