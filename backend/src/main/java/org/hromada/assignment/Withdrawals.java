package org.hromada.assignment;

import org.hromada.aid.AidRequestSectorChanged;
import org.hromada.security.Caller;
import org.hromada.volunteer.VolunteerRestricted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Withdraws the assignments whose volunteer may no longer hold them, when what assigning
 * checks changes: a volunteer's vetting revoked or their status set INACTIVE, a need
 * moved by triage into a sector that needs vetting. Runs in the changing request after
 * the change is stored; if it fails or is lost, accepting and checking in still re-check
 * the volunteer and refuse.
 */
@Component
class Withdrawals {

	private static final Logger log = LoggerFactory.getLogger(Withdrawals.class);

	private final AssignmentService assignments;

	Withdrawals(AssignmentService assignments) {
		this.assignments = assignments;
	}

	@EventListener
	void volunteerRestricted(VolunteerRestricted event) {
		withdraw(Criteria.where("volunteerId").is(event.volunteerId()), event.by(), "volunteer " + event.volunteerId());
	}

	@EventListener
	void aidRequestSectorChanged(AidRequestSectorChanged event) {
		withdraw(Criteria.where("taskKind").is(TaskKind.AID_REQUEST).and("taskId").is(event.aidRequestId()), event.by(),
				"aid request " + event.aidRequestId());
	}

	private void withdraw(Criteria which, Caller by, String of) {
		try {
			int withdrawn = this.assignments.withdrawIneligible(which, by);
			if (withdrawn > 0) {
				log.info("Assignments of {}: {} withdrawn, their volunteer may no longer hold them", of, withdrawn);
			}
		}
		catch (RuntimeException ex) {
			// The change itself is stored; accepting and checking in re-check anyway.
			log.warn("Withdrawing the assignments of {} failed: {}", of, ex.getClass().getName());
		}
	}

}
