package org.hromada.assignment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a refused booking tells whom, and the maximum of a profile without one of its own.
 */
class ScheduleRulesTests extends AssignmentTestSupport {

	@Autowired
	private MongoTemplate mongo;

	@Test
	void anOverlapWithAnotherCommunitysAssignmentIsRefusedWithoutNamingIt() {
		String kyiv = newCommunity("ACCESSIBLE");
		String irpin = newCommunity("ACCESSIBLE");
		Person kyivCoordinator = coordinatorOf(kyiv);
		Person irpinCoordinator = coordinatorOf(irpin);
		String subject = "volunteer-" + UUID.randomUUID();
		HttpGraphQlTester volunteer = withToken(TestTokens.accessToken(TestUser.VOLUNTEER_IRPIN,
				claims -> claims.subject(subject)
					.claim("name", "Two Places")
					.claim("communities", List.of(kyiv, irpin))));
		volunteer.document("{ myVolunteerProfile { id } }").execute();
		String irpinAssignment = assign(irpinCoordinator,
				offer(triagedNeed(irpinCoordinator, irpin, "WASH"), subject, 10, 3));

		String kyivNeed = triagedNeed(kyivCoordinator, kyiv, "WASH");
		String refusedInKyiv = conflict(kyivCoordinator, offer(kyivNeed, subject, 11, 1));
		assertThat(refusedInKyiv).contains("overlaps").doesNotContain(irpinAssignment).doesNotContain(":00:00Z");

		String refusedInIrpin = conflict(irpinCoordinator,
				offer(triagedNeed(irpinCoordinator, irpin, "WASH"), subject, 11, 1));
		assertThat(refusedInIrpin).contains(irpinAssignment);
	}

	@Test
	void aProfileWithoutItsOwnMaximumTakesTheConfiguredDefault() {
		String pcode = newCommunity("ACCESSIBLE");
		Person coordinator = coordinatorOf(pcode);
		Person volunteer = volunteerOf(pcode, Map.of());
		// A profile stored before the maximum was a field of its own.
		assertThat(this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(volunteer.id())),
					new Update().unset("maxActiveAssignments"), "volunteers")
			.getModifiedCount()).isOne();
		String need = triagedNeed(coordinator, pcode, "WASH");
		for (int i = 0; i < 3; i++) {
			assign(coordinator, offer(need, volunteer.id(), 10 + 2 * i, 1));
		}
		coordinator.client()
			.documentName("assignVolunteer")
			.variable("input", offer(need, volunteer.id(), 20, 1))
			.execute()
			.path("assignVolunteer.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("OVER_CAPACITY")
			.path("assignVolunteer.userErrors[0].message")
			.entity(String.class)
			.satisfies(message -> assertThat(message).contains("maximum is 3"));
	}

	private static String conflict(Person coordinator, Map<String, Object> offer) {
		return coordinator.client()
			.documentName("assignVolunteer")
			.variable("input", offer)
			.execute()
			.path("assignVolunteer.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("CONFLICT")
			.path("assignVolunteer.userErrors[0].message")
			.entity(String.class)
			.get();
	}

}
