package org.hromada.assignment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hromada.support.MongoCommandCounter;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An assignment from offer to completion, and what its need does meanwhile; refusals of
 * bad input with nothing written; who may act on whose assignment; batching of nested
 * fields.
 */
class AssignmentLifecycleTests extends AssignmentTestSupport {

	@Autowired
	private MongoCommandCounter commands;

	@Test
	void acceptedOfferAssignsTheNeedCheckInStartsItAndCompletionLetsTheCoordinatorFulfilIt() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of());
		String need = triagedNeed(coordinator, pcode, "WASH");
		String id = assign(coordinator, offer(need, volunteer.id(), 3, 4));
		assertThat(needStatus(coordinator, need)).isEqualTo("TRIAGED");

		respond(volunteer, id, true, null);
		assertThat(needStatus(coordinator, need)).isEqualTo("ASSIGNED");

		volunteer.client()
			.documentName("checkIn")
			.variable("input", Map.of("id", id))
			.execute()
			.path("checkIn.assignment.status")
			.entity(String.class)
			.isEqualTo("IN_PROGRESS");
		assertThat(needStatus(coordinator, need)).isEqualTo("IN_PROGRESS");

		volunteer.client()
			.documentName("completeAssignment")
			.variable("input", Map.of("id", id, "hoursWorked", 3.5, "note", "Pump fixed"))
			.execute()
			.path("completeAssignment.assignment.status")
			.entity(String.class)
			.isEqualTo("COMPLETED")
			.path("completeAssignment.assignment.hoursWorked")
			.entity(Double.class)
			.isEqualTo(3.5);
		coordinator.client()
			.document(
					"query($id: ID!) { aidRequest(id: $id) { version assignmentCounts { offered active completed } } }")
			.variable("id", need)
			.execute()
			.path("aidRequest.assignmentCounts")
			.entity(Map.class)
			.isEqualTo(Map.of("offered", 0, "active", 0, "completed", 1));
		succeeds(coordinator.client()
			.documentName("changeAidRequestStatus")
			.variable("input", Map.of("id", need, "version", needVersion(coordinator, need), "status", "FULFILLED"))
			.execute(), "changeAidRequestStatus");
		assertThat(actions(id)).containsExactlyInAnyOrder("assignment.offered", "assignment.accepted",
				"assignment.started", "assignment.completed");
	}

	@Test
	void cancellingTheLastCommittedAssignmentReleasesTheNeedAndFreesTheVolunteer() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of("maxActiveAssignments", 1));
		String need = triagedNeed(coordinator, pcode, "WASH");
		String id = assign(coordinator, offer(need, volunteer.id(), 3, 4));
		respond(volunteer, id, true, null);
		assertThat(needStatus(coordinator, need)).isEqualTo("ASSIGNED");

		coordinator.client()
			.documentName("cancelAssignment")
			.variable("input", Map.of("id", id, "reason", "Road closed"))
			.execute()
			.path("cancelAssignment.assignment.status")
			.entity(String.class)
			.isEqualTo("CANCELLED");
		assertThat(needStatus(coordinator, need)).isEqualTo("TRIAGED");
		// The only slot of the volunteer is free again, for the same window.
		assign(coordinator, offer(need, volunteer.id(), 3, 4));
	}

	@Test
	void anAssignedVolunteerSeesTheRequestersContactAnotherVolunteerOfTheCommunityDoesNot() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person assigned = volunteerOf(pcode, Map.of());
		Person neighbour = volunteerOf(pcode, Map.of());
		String need = triagedNeed(coordinator, pcode, "WASH");
		String id = assign(coordinator, offer(need, assigned.id(), 3, 4));
		assertThat(contactPhone(assigned, need)).as("offered, not yet accepted").isNull();
		respond(assigned, id, true, null);

		assertThat(contactPhone(assigned, need)).isEqualTo("+380 67 765 43 21");
		assertThat(contactPhone(neighbour, need)).isNull();

		coordinator.client()
			.documentName("cancelAssignment")
			.variable("input", Map.of("id", id, "reason", "Plan changed"))
			.execute();
		assertThat(contactPhone(assigned, need)).as("after the assignment ended").isNull();
	}

	@Test
	void badInputIsRefusedWithTypedErrorsAndNothingIsWritten() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of());
		Person inactive = volunteerOf(pcode, Map.of("status", "INACTIVE"));
		String need = triagedNeed(coordinator, pcode, "WASH");
		Instant start = Instant.now().plus(5, ChronoUnit.HOURS);

		Map<String, Object> endBeforeStart = new HashMap<>(offer(need, volunteer.id(), 5, 2));
		endBeforeStart.put("window", Map.of("start", start.toString(), "end", start.minusSeconds(60).toString()));
		assertRefused(coordinator, endBeforeStart, "INVALID", List.of("input", "window", "end"));

		Map<String, Object> past = new HashMap<>(offer(need, volunteer.id(), 5, 2));
		past.put("window", Map.of("start", Instant.now().minus(2, ChronoUnit.HOURS).toString(), "end",
				Instant.now().minus(1, ChronoUnit.HOURS).toString()));
		assertRefused(coordinator, past, "INVALID", List.of("input", "window", "start"));

		assertRefused(coordinator, offer(need, "nobody", 5, 2), "NOT_FOUND", List.of("input", "volunteerId"));
		Map<String, Object> unknownTask = new HashMap<>(offer(need, volunteer.id(), 5, 2));
		unknownTask.put("task", Map.of("kind", "AID_REQUEST", "id", "none"));
		assertRefused(coordinator, unknownTask, "NOT_FOUND", List.of("input", "task", "id"));
		Map<String, Object> milestone = new HashMap<>(offer(need, volunteer.id(), 5, 2));
		milestone.put("task", Map.of("kind", "MILESTONE", "id", "none"));
		assertRefused(coordinator, milestone, "NOT_FOUND", List.of("input", "task", "id"));
		assertRefused(coordinator, offer(need, inactive.id(), 5, 2), "INVALID", List.of("input", "volunteerId"));

		coordinator.client()
			.documentName("assignments")
			.variable("filter", Map.of("community", pcode))
			.execute()
			.path("assignments.edges")
			.entityList(Object.class)
			.hasSize(0);

		String id = assign(coordinator, offer(need, volunteer.id(), 5, 2));
		volunteer.client()
			.documentName("respondToAssignment")
			.variable("input", Map.of("id", id, "accept", false))
			.execute()
			.path("respondToAssignment.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("INVALID")
			.path("respondToAssignment.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "reason");
		respond(volunteer, id, false, "I am ill");
		volunteer.client()
			.documentName("respondToAssignment")
			.variable("input", Map.of("id", id, "accept", true))
			.execute()
			.path("respondToAssignment.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("INVALID_TRANSITION");
	}

	@Test
	void sectorsNeedingVettingRefuseUnvettedVolunteersUntilACoordinatorVetsThem() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of());
		String need = triagedNeed(coordinator, pcode, "CHILD_PROTECTION");
		assertRefused(coordinator, offer(need, volunteer.id(), 5, 2), "INVALID", List.of("input", "volunteerId"));

		coordinator.client()
			.document("mutation($id: ID!) { setVolunteerVetting(input: { volunteerId: $id, vetting: VETTED }) "
					+ "{ volunteer { vetting } userErrors { code } } }")
			.variable("id", volunteer.id())
			.execute()
			.path("setVolunteerVetting.volunteer.vetting")
			.entity(String.class)
			.isEqualTo("VETTED");
		assign(coordinator, offer(need, volunteer.id(), 5, 2));
	}

	@Test
	void volunteersActOnlyOnTheirOwnAssignmentsAndCoordinatorsOnlyInTheirCommunities() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of());
		Person other = volunteerOf(pcode, Map.of());
		String need = triagedNeed(coordinator, pcode, "WASH");
		String id = assign(coordinator, offer(need, volunteer.id(), 3, 4));

		other.client()
			.documentName("respondToAssignment")
			.variable("input", Map.of("id", id, "accept", true))
			.execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("FORBIDDEN"))
			.verify();
		as(TestUser.COORDINATOR_KHARKIV).documentName("cancelAssignment")
			.variable("input", Map.of("id", id, "reason", "Not mine"))
			.execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("FORBIDDEN"))
			.verify();
		other.client()
			.document("{ myAssignments { edges { node { id } } } }")
			.execute()
			.path("myAssignments.edges")
			.entityList(Object.class)
			.hasSize(0);
		volunteer.client()
			.document("{ myAssignments { edges { node { id task { title } } } } }")
			.execute()
			.path("myAssignments.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(id);
	}

	@Test
	void aPageOfFiftyNeedsWithReporterAndAssignmentCountsCostsNoMoreCommandsThanAPageOfFive() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of("maxActiveAssignments", 20));
		// The coordinator who logs the needs has a volunteer profile too: the reporter.
		coordinator.client().document("{ myVolunteerProfile { id } }").execute();
		for (int i = 0; i < 50; i++) {
			String need = triagedNeed(coordinator, pcode, "WASH");
			if (i % 10 == 0) {
				assign(coordinator, offer(need, volunteer.id(), 2 + i, 1));
			}
		}
		int five = commandsForNeeds(pcode, 5);
		int fifty = commandsForNeeds(pcode, 50);
		assertThat(fifty).isEqualTo(five);
		assertThat(five).as("page + communities + reporters + counts").isLessThanOrEqualTo(5);
	}

	@Test
	void aPageOfAssignmentsLoadsItsVolunteersAndTasksInBatches() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		for (int i = 0; i < 12; i++) {
			Person volunteer = volunteerOf(pcode, Map.of());
			assign(coordinator, offer(triagedNeed(coordinator, pcode, "WASH"), volunteer.id(), 2 + i, 1));
		}
		int two = commandsForAssignments(coordinator, pcode, 2);
		int twelve = commandsForAssignments(coordinator, pcode, 12);
		assertThat(twelve).isEqualTo(two);
	}

	private int commandsForNeeds(String pcode, int first) {
		this.commands.reset();
		as(TestUser.ADMIN).documentName("aidRequestsWithPeople")
			.variable("filter", Map.of("communities", List.of(pcode)))
			.variable("first", first)
			.execute()
			.path("aidRequests.edges")
			.entityList(Object.class)
			.hasSize(first)
			.path("aidRequests.edges[*].node.community.pcode")
			.entityList(String.class)
			.satisfies(pcodes -> assertThat(pcodes).containsOnly(pcode))
			.path("aidRequests.edges[*].node.reporter")
			.entityList(Object.class)
			.satisfies(reporters -> assertThat(reporters).doesNotContainNull());
		return this.commands.count();
	}

	private int commandsForAssignments(Person coordinator, String pcode, int first) {
		this.commands.reset();
		coordinator.client()
			.document("query($pcode: String, $first: Int) { assignments(filter: { community: $pcode }, first: $first) "
					+ "{ edges { node { id volunteer { displayName } task { title open } } } } }")
			.variable("pcode", pcode)
			.variable("first", first)
			.execute()
			.path("assignments.edges[*].node.task.title")
			.entityList(String.class)
			.hasSize(first)
			.path("assignments.edges[*].node.volunteer.displayName")
			.entityList(String.class)
			.hasSize(first);
		return this.commands.count();
	}

	private static void assertRefused(Person coordinator, Map<String, Object> offer, String code, List<String> path) {
		GraphQlTester.Response response = coordinator.client()
			.documentName("assignVolunteer")
			.variable("input", offer)
			.execute();
		response.path("assignVolunteer.assignment").valueIsNull();
		response.path("assignVolunteer.userErrors[0].code").entity(String.class).isEqualTo(code);
		response.path("assignVolunteer.userErrors[0].path")
			.entityList(String.class)
			.containsExactly(path.toArray(String[]::new));
	}

}
