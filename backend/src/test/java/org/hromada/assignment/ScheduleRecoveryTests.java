package org.hromada.assignment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What a crash between the two writes of an offer (the booking, then the assignment)
 * leaves behind, and how the next booking recovers: a booking whose assignment never
 * appeared is kept through the grace (the assignment may still be on its way), then
 * dropped.
 */
class ScheduleRecoveryTests extends AssignmentTestSupport {

	@Autowired
	private MongoTemplate mongo;

	@Test
	void aBookingWhoseAssignmentNeverAppearedHoldsTheWindowOnlyThroughTheGrace() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person recent = volunteerOf(pcode, Map.of());
		Person stale = volunteerOf(pcode, Map.of());
		String need = triagedNeed(coordinator, pcode, "WASH");
		Map<String, Object> offerToRecent = offer(need, recent.id(), 6, 2);
		Map<String, Object> offerToStale = offer(need, stale.id(), 6, 2);
		Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(6, ChronoUnit.HOURS);
		orphanBooking(recent.id(), start, Instant.now());
		orphanBooking(stale.id(), start, Instant.now().minus(10, ChronoUnit.MINUTES));

		coordinator.client()
			.documentName("assignVolunteer")
			.variable("input", offerToRecent)
			.execute()
			.path("assignVolunteer.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("CONFLICT");
		assign(coordinator, offerToStale);
	}

	private void orphanBooking(String volunteerId, Instant start, Instant bookedAt) {
		ScheduleDocument schedule = new ScheduleDocument();
		schedule.setId(volunteerId);
		schedule.setBookings(new ArrayList<>(
				List.of(new Booking("crashed-" + volunteerId, start, start.plus(2, ChronoUnit.HOURS), bookedAt))));
		this.mongo.insert(schedule);
	}

}
