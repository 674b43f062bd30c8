package org.hromada.assignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.assignment.MilestoneAssignmentTests.milestone;
import static org.hromada.assignment.MilestoneAssignmentTests.milestoneOffer;
import static org.hromada.assignment.MilestoneAssignmentTests.project;

/**
 * A task its owner closes (a need cancelled or marked duplicate, a milestone completed, a
 * project closed) keeps no active assignment, and takes no further work even if the close
 * never reached the assignments.
 */
class ClosedTaskTests extends AssignmentTestSupport {

	@Autowired
	private MongoTemplate mongo;

	@Test
	void cancellingANeedCancelsItsActiveAssignmentsFreesTheVolunteersAndHidesTheContact() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person accepted = volunteerOf(pcode, Map.of());
		Person offered = volunteerOf(pcode, Map.of());
		String need = triagedNeed(coordinator, pcode, "WASH");
		String acceptedId = assign(coordinator, offer(need, accepted.id(), 10, 2));
		respond(accepted, acceptedId, true, null);
		String offeredId = assign(coordinator, offer(need, offered.id(), 10, 2));
		assertThat(contactPhone(accepted, need)).isNotNull();

		Map<String, Object> input = new HashMap<>();
		input.put("id", need);
		input.put("version", needVersion(coordinator, need));
		input.put("status", "CANCELLED");
		input.put("note", "Repaired by the utility");
		long returned = coordinator.client()
			.documentName("changeAidRequestStatus")
			.variable("input", input)
			.execute()
			.path("changeAidRequestStatus.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("changeAidRequestStatus.aidRequest.version")
			.entity(Long.class)
			.get();
		assertThat(returned).as("the version as the assignments left it").isEqualTo(needVersion(coordinator, need));

		assertThat(status(acceptedId)).isEqualTo(AssignmentStatus.CANCELLED);
		assertThat(status(offeredId)).isEqualTo(AssignmentStatus.CANCELLED);
		assertThat(contactPhone(accepted, need)).isNull();
		assertThat(bookings(accepted.id())).isZero();
		assertThat(bookings(offered.id())).isZero();
		assertThat(needStatus(coordinator, need)).isEqualTo("CANCELLED");
	}

	@Test
	void fulfillingANeedEndsItsOpenAssignmentsWorkInProgressIncludedAndHidesTheContact() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person done = volunteerOf(pcode, Map.of());
		Person working = volunteerOf(pcode, Map.of());
		Person accepted = volunteerOf(pcode, Map.of());
		Person offered = volunteerOf(pcode, Map.of());
		String need = triagedNeed(coordinator, pcode, "WASH");
		String doneId = assign(coordinator, offer(need, done.id(), 1, 1));
		respond(done, doneId, true, null);
		checkIn(done, doneId);
		complete(done, doneId, 1.0);
		String workingId = assign(coordinator, offer(need, working.id(), 1, 3));
		respond(working, workingId, true, null);
		checkIn(working, workingId);
		String acceptedId = assign(coordinator, offer(need, accepted.id(), 20, 2));
		respond(accepted, acceptedId, true, null);
		String offeredId = assign(coordinator, offer(need, offered.id(), 20, 2));
		assertThat(contactPhone(working, need)).isNotNull();

		changeStatus(coordinator, need, "FULFILLED");

		assertThat(status(doneId)).isEqualTo(AssignmentStatus.COMPLETED);
		for (String id : List.of(workingId, acceptedId, offeredId)) {
			assertThat(status(id)).as(id).isEqualTo(AssignmentStatus.CANCELLED);
			assertThat(actions(id)).as(id).containsOnlyOnce("assignment.cancelled");
		}
		for (Person volunteer : List.of(done, working, accepted, offered)) {
			assertThat(contactPhone(volunteer, need)).isNull();
			assertThat(bookings(volunteer.id())).isZero();
		}
		assertThat(needStatus(coordinator, need)).isEqualTo("FULFILLED");
	}

	@Test
	void closingANeedEndsWhatFulfillingItLeftOpen() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of());
		String need = triagedNeed(coordinator, pcode, "WASH");
		String id = assign(coordinator, offer(need, volunteer.id(), 10, 2));
		respond(volunteer, id, true, null);
		// Fulfilled with the event that ends its work lost.
		assertThat(this.mongo
			.updateFirst(Query.query(Criteria.where("_id").in(need, new ObjectId(need))),
					new Update().set("status", "FULFILLED"), "aidRequests")
			.getModifiedCount()).isOne();
		assertThat(contactPhone(volunteer, need)).isNotNull();

		changeStatus(coordinator, need, "CLOSED");

		assertThat(status(id)).isEqualTo(AssignmentStatus.CANCELLED);
		assertThat(contactPhone(volunteer, need)).isNull();
		assertThat(bookings(volunteer.id())).isZero();
	}

	@Test
	void completingAMilestoneCancelsItsActiveAssignments() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of());
		String project = project(coordinator, pcode);
		String milestone = milestone(coordinator, project, "Roof");
		String assignment = assign(coordinator, milestoneOffer(milestone, volunteer.id(), 48));
		respond(volunteer, assignment, true, null);

		coordinator.client()
			.documentName("completeMilestone")
			.variable("input", Map.of("projectId", project, "version", 1, "milestoneId", milestone))
			.execute()
			.path("completeMilestone.userErrors")
			.entityList(Object.class)
			.hasSize(0);

		assertThat(status(assignment)).isEqualTo(AssignmentStatus.CANCELLED);
		assertThat(bookings(volunteer.id())).isZero();
	}

	@Test
	void cancellingAProjectCancelsTheAssignmentsOfItsMilestones() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of());
		String project = project(coordinator, pcode);
		String milestone = milestone(coordinator, project, "Walls");
		String assignment = assign(coordinator, milestoneOffer(milestone, volunteer.id(), 48));

		coordinator.client()
			.documentName("changeProjectStatus")
			.variable("input", Map.of("id", project, "version", 1, "status", "CANCELLED", "reason", "No funding"))
			.execute()
			.path("changeProjectStatus.userErrors")
			.entityList(Object.class)
			.hasSize(0);

		assertThat(status(assignment)).isEqualTo(AssignmentStatus.CANCELLED);
		assertThat(bookings(volunteer.id())).isZero();
	}

	@Test
	void aVolunteerCannotAcceptOrCheckInOnANeedClosedWhileTheCloseDidNotReachTheAssignments() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of("maxActiveAssignments", 3));
		String need = triagedNeed(coordinator, pcode, "WASH");
		String offered = assign(coordinator, offer(need, volunteer.id(), 10, 1));
		String accepted = assign(coordinator, offer(need, volunteer.id(), 1, 1));
		respond(volunteer, accepted, true, null);
		// The close stored, its event lost.
		assertThat(this.mongo
			.updateFirst(Query.query(Criteria.where("_id").in(need, new ObjectId(need))),
					new Update().set("status", "CANCELLED"), "aidRequests")
			.getModifiedCount()).isOne();

		volunteer.client()
			.documentName("respondToAssignment")
			.variable("input", Map.of("id", offered, "accept", true))
			.execute()
			.path("respondToAssignment.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("INVALID_TRANSITION");
		volunteer.client()
			.documentName("checkIn")
			.variable("input", Map.of("id", accepted))
			.execute()
			.path("checkIn.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("INVALID_TRANSITION");
		assertThat(status(offered)).isEqualTo(AssignmentStatus.OFFERED);
		assertThat(status(accepted)).isEqualTo(AssignmentStatus.ACCEPTED);
	}

	private static void changeStatus(Person coordinator, String need, String status) {
		succeeds(coordinator.client()
			.documentName("changeAidRequestStatus")
			.variable("input", Map.of("id", need, "version", needVersion(coordinator, need), "status", status))
			.execute(), "changeAidRequestStatus");
	}

}
