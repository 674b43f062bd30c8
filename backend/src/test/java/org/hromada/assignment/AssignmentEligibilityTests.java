package org.hromada.assignment;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What assigning checks (the volunteer ACTIVE, VETTED for a sector that needs it) holds
 * for every step that ties a volunteer to a need, and for work already offered when the
 * volunteer or the need changes: revoking vetting, going INACTIVE and triage into a
 * vetted sector withdraw what the volunteer may no longer hold, each in the activity log.
 */
class AssignmentEligibilityTests extends AssignmentTestSupport {

	@Autowired
	private MongoTemplate mongo;

	@Test
	void revokingVettingWithdrawsTheVolunteersWorkInVettedSectorsAndHidesTheContact() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of("maxActiveAssignments", 5));
		setVetting(coordinator, volunteer.id(), "VETTED");
		String gbv = triagedNeed(coordinator, pcode, "GBV");
		String wash = triagedNeed(coordinator, pcode, "WASH");
		String gbvOffered = assign(coordinator, offer(gbv, volunteer.id(), 30, 1));
		String gbvAccepted = assign(coordinator, offer(gbv, volunteer.id(), 10, 1));
		respond(volunteer, gbvAccepted, true, null);
		String washAccepted = assign(coordinator, offer(wash, volunteer.id(), 20, 1));
		respond(volunteer, washAccepted, true, null);
		assertThat(contactPhone(volunteer, gbv)).isNotNull();

		setVetting(coordinator, volunteer.id(), "UNVETTED");

		assertThat(status(gbvOffered)).isEqualTo(AssignmentStatus.CANCELLED);
		assertThat(status(gbvAccepted)).isEqualTo(AssignmentStatus.CANCELLED);
		assertThat(status(washAccepted)).as("WASH needs no vetting").isEqualTo(AssignmentStatus.ACCEPTED);
		assertThat(contactPhone(volunteer, gbv)).isNull();
		assertThat(contactPhone(volunteer, wash)).isNotNull();
		assertThat(needStatus(coordinator, gbv)).isEqualTo("TRIAGED");
		assertThat(bookings(volunteer.id())).isOne();
		assertThat(actions(gbvOffered)).containsOnlyOnce("assignment.withdrawn");
		assertThat(actions(gbvAccepted)).containsOnlyOnce("assignment.withdrawn");
		assertThat(actions(washAccepted)).doesNotContain("assignment.withdrawn");
		volunteer.client()
			.document("{ myAssignments(statuses: [CANCELLED]) { edges { node { id note } } } }")
			.execute()
			.path("myAssignments.edges[*].node.note")
			.entityList(String.class)
			.containsExactly("Withdrawn: tasks of sector GBV need a VETTED volunteer",
					"Withdrawn: tasks of sector GBV need a VETTED volunteer");
	}

	@Test
	void goingInactiveWithdrawsOffersAndAcceptedAssignmentsAndKeepsWorkAlreadyStarted() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of("maxActiveAssignments", 5));
		String need = triagedNeed(coordinator, pcode, "WASH");
		String offered = assign(coordinator, offer(need, volunteer.id(), 30, 1));
		String accepted = assign(coordinator, offer(need, volunteer.id(), 20, 1));
		respond(volunteer, accepted, true, null);
		String started = assign(coordinator, offer(need, volunteer.id(), 1, 1));
		respond(volunteer, started, true, null);
		checkIn(volunteer, started);

		updateProfile(volunteer, Map.of("status", "INACTIVE"));

		assertThat(status(offered)).isEqualTo(AssignmentStatus.CANCELLED);
		assertThat(status(accepted)).isEqualTo(AssignmentStatus.CANCELLED);
		assertThat(status(started)).isEqualTo(AssignmentStatus.IN_PROGRESS);
		assertThat(actions(offered)).containsOnlyOnce("assignment.withdrawn");
		assertThat(actions(accepted)).containsOnlyOnce("assignment.withdrawn");
		assertThat(bookings(volunteer.id())).isOne();
		assertThat(needStatus(coordinator, need)).isEqualTo("IN_PROGRESS");
		complete(volunteer, started, 1.0);
	}

	@Test
	void triageMovingANeedIntoAVettedSectorWithdrawsTheWorkOfUnvettedVolunteersOnly() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person unvetted = volunteerOf(pcode, Map.of());
		Person vetted = volunteerOf(pcode, Map.of());
		setVetting(coordinator, vetted.id(), "VETTED");
		String need = triagedNeed(coordinator, pcode, "SHELTER_NFI");
		String unvettedAccepted = assign(coordinator, offer(need, unvetted.id(), 10, 1));
		respond(unvetted, unvettedAccepted, true, null);
		String vettedOffered = assign(coordinator, offer(need, vetted.id(), 20, 1));
		assertThat(contactPhone(unvetted, need)).isNotNull();

		long returned = succeeds(coordinator.client()
			.documentName("triageAidRequest")
			.variable("input",
					Map.of("id", need, "version", needVersion(coordinator, need), "sector", "CHILD_PROTECTION"))
			.execute(), "triageAidRequest").path("triageAidRequest.aidRequest.version").entity(Long.class).get();

		assertThat(returned).as("the version as the withdrawal left it").isEqualTo(needVersion(coordinator, need));
		assertThat(status(unvettedAccepted)).isEqualTo(AssignmentStatus.CANCELLED);
		assertThat(status(vettedOffered)).isEqualTo(AssignmentStatus.OFFERED);
		assertThat(contactPhone(unvetted, need)).isNull();
		assertThat(needStatus(coordinator, need)).isEqualTo("TRIAGED");
		assertThat(actions(unvettedAccepted)).containsOnlyOnce("assignment.withdrawn");
		respond(vetted, vettedOffered, true, null);
		assertThat(contactPhone(vetted, need)).isNotNull();
	}

	@Test
	void acceptingAndCheckingInRecheckTheVolunteerEvenWhenTheWithdrawalWasLost() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person revoked = volunteerOf(pcode, Map.of("maxActiveAssignments", 3));
		setVetting(coordinator, revoked.id(), "VETTED");
		Person inactive = volunteerOf(pcode, Map.of());
		String gbv = triagedNeed(coordinator, pcode, "GBV");
		String other = triagedNeed(coordinator, pcode, "GBV");
		String offered = assign(coordinator, offer(gbv, revoked.id(), 10, 1));
		String accepted = assign(coordinator, offer(other, revoked.id(), 1, 1));
		respond(revoked, accepted, true, null);
		String wash = triagedNeed(coordinator, pcode, "WASH");
		String inactiveOffered = assign(coordinator, offer(wash, inactive.id(), 10, 1));
		// The changes stored, their withdrawals lost.
		storeVolunteer(revoked.id(), "vetting", "UNVETTED");
		storeVolunteer(inactive.id(), "status", "INACTIVE");

		refused(revoked.client()
			.documentName("respondToAssignment")
			.variable("input", Map.of("id", offered, "accept", true))
			.execute(), "respondToAssignment",
				"Cannot accept: tasks of sector GBV need a VETTED volunteer; this volunteer is UNVETTED");
		refused(revoked.client().documentName("checkIn").variable("input", Map.of("id", accepted)).execute(), "checkIn",
				"Cannot check in: tasks of sector GBV need a VETTED volunteer; this volunteer is UNVETTED");
		refused(inactive.client()
			.documentName("respondToAssignment")
			.variable("input", Map.of("id", inactiveOffered, "accept", true))
			.execute(), "respondToAssignment", "Cannot accept: the volunteer is INACTIVE and takes no assignments");

		assertThat(status(offered)).isEqualTo(AssignmentStatus.OFFERED);
		assertThat(status(accepted)).isEqualTo(AssignmentStatus.ACCEPTED);
		assertThat(status(inactiveOffered)).isEqualTo(AssignmentStatus.OFFERED);
		assertThat(contactPhone(revoked, gbv)).isNull();
		assertThat(contactPhone(inactive, wash)).isNull();
		assertThat(needStatus(coordinator, other)).isEqualTo("ASSIGNED");
	}

	private void storeVolunteer(String id, String field, String value) {
		assertThat(this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set(field, value), "volunteers")
			.getModifiedCount()).isOne();
	}

	private static void refused(GraphQlTester.Response response, String mutation, String message) {
		response.path(mutation + ".assignment").valueIsNull();
		response.path(mutation + ".userErrors[0].code").entity(String.class).isEqualTo("INVALID");
		response.path(mutation + ".userErrors[0].message").entity(String.class).isEqualTo(message);
	}

}
