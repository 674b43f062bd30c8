package org.hromada.assignment;

import java.util.List;
import java.util.Map;

import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer tied to a need, or untied from it, without its status changing, is a change
 * of the need the activity log records (who sees its contact changes), so that
 * aidRequestChanged subscribers, who are fed from the log, hear of it.
 */
class NeedVolunteerChangeTests extends AssignmentTestSupport {

	@Test
	void aSecondVolunteerAcceptingAndOneLeavingAreLoggedAsChangesOfTheNeed() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person first = volunteerOf(pcode, Map.of());
		Person second = volunteerOf(pcode, Map.of());
		String need = triagedNeed(coordinator, pcode, "WASH");
		respond(first, assign(coordinator, offer(need, first.id(), 3, 4)), true, null);
		String secondAssignment = assign(coordinator, offer(need, second.id(), 3, 4));

		respond(second, secondAssignment, true, null);
		assertThat(needStatus(coordinator, need)).isEqualTo("ASSIGNED");
		coordinator.client()
			.documentName("cancelAssignment")
			.variable("input", Map.of("id", secondAssignment, "reason", "Plan changed"))
			.execute()
			.path("cancelAssignment.assignment.status")
			.entity(String.class)
			.isEqualTo("CANCELLED");
		assertThat(needStatus(coordinator, need)).as("the first volunteer is still on it").isEqualTo("ASSIGNED");

		List<String> actions = as(TestUser.ADMIN)
			.document("query($id: ID!) { activities(filter: { entityType: \"AidRequest\", entityId: $id }) "
					+ "{ edges { node { action } } } }")
			.variable("id", need)
			.execute()
			.path("activities.edges[*].node.action")
			.entityList(String.class)
			.get();
		assertThat(actions).as("newest first")
			.startsWith("aidRequest.volunteers", "aidRequest.volunteers", "aidRequest.status.assigned");
	}

}
