package org.hromada.assignment;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.hromada.support.TextLimits.check;

/** Every free text of an assignment is stored up to its limit and refused one past it. */
class AssignmentTextLimitsTests extends AssignmentTestSupport {

	private static final String RESULT = "{ assignment { description note } userErrors { path code message } } }";

	@Test
	void anOfferDescriptionIsStoredUpTo2000Characters() {
		check(2000, description -> {
			Offer offer = new Offer();
			Map<String, Object> input = new HashMap<>(offer(offer.need, offer.volunteer.id(), 3, 4));
			input.put("description", description);
			return offer.coordinator.client()
				.document("mutation($input: AssignVolunteerInput!) { assignVolunteer(input: $input) " + RESULT)
				.variable("input", input)
				.execute();
		}, "assignVolunteer", "assignVolunteer.assignment.description", "input", "description");
	}

	@Test
	void aDeclineReasonIsStoredUpTo500Characters() {
		check(500, reason -> {
			Offer offer = new Offer();
			return send(offer.volunteer, "RespondToAssignmentInput", "respondToAssignment",
					Map.of("id", offer.made(), "accept", false, "reason", reason));
		}, "respondToAssignment", "respondToAssignment.assignment.note", "input", "reason");
	}

	@Test
	void aCompletionNoteIsStoredUpTo2000Characters() {
		check(2000, note -> {
			Offer offer = new Offer();
			String id = offer.made();
			respond(offer.volunteer, id, true, null);
			offer.volunteer.client()
				.documentName("checkIn")
				.variable("input", Map.of("id", id))
				.execute()
				.path("checkIn.userErrors")
				.entityList(Object.class)
				.hasSize(0);
			return send(offer.volunteer, "CompleteAssignmentInput", "completeAssignment",
					Map.of("id", id, "hoursWorked", 2.0, "note", note));
		}, "completeAssignment", "completeAssignment.assignment.note", "input", "note");
	}

	@Test
	void aCancellationReasonIsStoredUpTo500Characters() {
		check(500, reason -> {
			Offer offer = new Offer();
			return send(offer.coordinator, "CancelAssignmentInput", "cancelAssignment",
					Map.of("id", offer.made(), "reason", reason));
		}, "cancelAssignment", "cancelAssignment.assignment.note", "input", "reason");
	}

	private static GraphQlTester.Response send(Person person, String inputType, String mutation,
			Map<String, Object> input) {
		return person.client()
			.document("mutation($input: " + inputType + "!) { " + mutation + "(input: $input) " + RESULT)
			.variable("input", input)
			.execute();
	}

	/**
	 * A coordinator, a volunteer and a triaged need of a new community, for one offer.
	 */
	private final class Offer {

		private final Person coordinator;

		private final Person volunteer;

		private final String need;

		Offer() {
			String pcode = newCommunity("ACCESSIBLE");
			this.coordinator = coordinatorOf(pcode);
			this.volunteer = volunteerOf(pcode, Map.of());
			this.need = triagedNeed(this.coordinator, pcode, "WASH");
		}

		/** Makes the offer and returns the assignment id. */
		String made() {
			return assign(this.coordinator, offer(this.need, this.volunteer.id(), 3, 4));
		}

	}

}
