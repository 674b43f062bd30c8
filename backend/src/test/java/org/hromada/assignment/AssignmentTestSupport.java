package org.hromada.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Shared steps of the assignment tests: people of a community of the test's own (a
 * coordinator and volunteers with their own subjects), triaged needs, offers.
 */
abstract class AssignmentTestSupport extends IntegrationTest {

	/** Where the needs of these tests are (Lviv). */
	static final double NEED_LATITUDE = 49.84;

	static final double NEED_LONGITUDE = 24.03;

	@Autowired
	private MongoTemplate store;

	@Autowired
	private AssignmentService assignmentService;

	/** A person with a token of their own. */
	record Person(String id, HttpGraphQlTester client) {

	}

	/** A coordinator serving only the community. */
	Person coordinatorOf(String pcode) {
		String subject = "coordinator-" + UUID.randomUUID();
		return new Person(subject, withToken(TestTokens.accessToken(TestUser.COORDINATOR_KYIV,
				claims -> claims.subject(subject).claim("communities", List.of(pcode)))));
	}

	/** A volunteer serving the community, with a profile changed as given. */
	Person volunteerOf(String pcode, Map<String, Object> profile) {
		String subject = "volunteer-" + UUID.randomUUID();
		HttpGraphQlTester client = withToken(TestTokens.accessToken(TestUser.VOLUNTEER_IRPIN,
				claims -> claims.subject(subject)
					.claim("name", "Volunteer " + subject)
					.claim("communities", List.of(pcode))));
		Person volunteer = new Person(subject, client);
		updateProfile(volunteer, profile);
		return volunteer;
	}

	/** The volunteer changes their own profile as given (nothing when empty). */
	void updateProfile(Person volunteer, Map<String, Object> profile) {
		long version = volunteer.client()
			.document("{ myVolunteerProfile { version } }")
			.execute()
			.path("myVolunteerProfile.version")
			.entity(Long.class)
			.get();
		if (!profile.isEmpty()) {
			Map<String, Object> input = new HashMap<>(profile);
			input.put("version", version);
			succeeds(volunteer.client().documentName("updateMyProfile").variable("input", input).execute(),
					"updateMyProfile");
		}
	}

	/** A coordinator sets the volunteer's vetting. */
	static void setVetting(Person coordinator, String volunteerId, String vetting) {
		succeeds(coordinator.client()
			.document("mutation($id: ID!, $vetting: Vetting!) { setVolunteerVetting(input: { volunteerId: $id, "
					+ "vetting: $vetting }) { volunteer { vetting } userErrors { code message } } }")
			.variable("id", volunteerId)
			.variable("vetting", vetting)
			.execute(), "setVolunteerVetting");
	}

	/** A need logged and triaged in the community; returns its id. */
	String triagedNeed(Person coordinator, String pcode, String sector) {
		Map<String, Object> need = new HashMap<>();
		need.put("clientRequestId", UUID.randomUUID().toString());
		need.put("communityPcode", pcode);
		need.put("sector", sector);
		need.put("title", "Repair a water pump");
		need.put("peopleAffected", Map.of("total", 12));
		need.put("urgency", "URGENT");
		// Far from the points other features' tests search around: the needs of these
		// tests must not crowd their results (the store is shared by all tests).
		need.put("location", Map.of("latitude", NEED_LATITUDE, "longitude", NEED_LONGITUDE));
		need.put("contact", Map.of("name", "Petro Bondar", "phone", "+380 67 765 43 21"));
		GraphQlTester.Response logged = coordinator.client()
			.documentName("logAidRequest")
			.variable("input", need)
			.execute();
		String id = logged.path("logAidRequest.aidRequest.id").entity(String.class).get();
		long version = coordinator.client()
			.document("query($id: ID!) { aidRequest(id: $id) { version } }")
			.variable("id", id)
			.execute()
			.path("aidRequest.version")
			.entity(Long.class)
			.get();
		coordinator.client()
			.documentName("triageAidRequest")
			.variable("input", Map.of("id", id, "version", version))
			.execute()
			.path("triageAidRequest.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		return id;
	}

	/** An offer input for the need, in a window hours from now (whole hours, UTC). */
	static Map<String, Object> offer(String needId, String volunteerId, long startInHours, long hours) {
		Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(startInHours, ChronoUnit.HOURS);
		return Map.of("task", Map.of("kind", "AID_REQUEST", "id", needId), "volunteerId", volunteerId, "window",
				Map.of("start", start.toString(), "end", start.plus(hours, ChronoUnit.HOURS).toString()), "description",
				"Bring the spare parts");
	}

	/** Makes the offer and returns the assignment id. */
	String assign(Person coordinator, Map<String, Object> offer) {
		return coordinator.client()
			.documentName("assignVolunteer")
			.variable("input", offer)
			.execute()
			.path("assignVolunteer.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("assignVolunteer.assignment.id")
			.entity(String.class)
			.get();
	}

	void respond(Person volunteer, String assignmentId, boolean accept, String reason) {
		Map<String, Object> input = new HashMap<>();
		input.put("id", assignmentId);
		input.put("accept", accept);
		input.put("reason", reason);
		volunteer.client()
			.documentName("respondToAssignment")
			.variable("input", input)
			.execute()
			.path("respondToAssignment.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	String needStatus(Person coordinator, String needId) {
		return coordinator.client()
			.document("query($id: ID!) { aidRequest(id: $id) { status } }")
			.variable("id", needId)
			.execute()
			.path("aidRequest.status")
			.entity(String.class)
			.get();
	}

	void checkIn(Person volunteer, String assignmentId) {
		succeeds(volunteer.client().documentName("checkIn").variable("input", Map.of("id", assignmentId)).execute(),
				"checkIn");
	}

	void complete(Person volunteer, String assignmentId, double hours) {
		succeeds(volunteer.client()
			.documentName("completeAssignment")
			.variable("input", Map.of("id", assignmentId, "hoursWorked", hours))
			.execute(), "completeAssignment");
	}

	/** Asserts the mutation's payload has no user errors. */
	static GraphQlTester.Response succeeds(GraphQlTester.Response response, String mutation) {
		response.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
		return response;
	}

	static long needVersion(Person coordinator, String need) {
		return coordinator.client()
			.document("query($id: ID!) { aidRequest(id: $id) { version } }")
			.variable("id", need)
			.execute()
			.path("aidRequest.version")
			.entity(Long.class)
			.get();
	}

	/** The phone of the need's contact as the volunteer reads it; null when withheld. */
	@SuppressWarnings("unchecked")
	static String contactPhone(Person volunteer, String need) {
		Map<String, Object> request = volunteer.client()
			.document("query($id: ID!) { aidRequest(id: $id) { id contact { phone } } }")
			.variable("id", need)
			.execute()
			.path("aidRequest")
			.entity(Map.class)
			.get();
		Map<String, Object> contact = (Map<String, Object>) request.get("contact");
		return (contact != null) ? (String) contact.get("phone") : null;
	}

	AssignmentStatus status(String assignmentId) {
		return this.store.findById(assignmentId, AssignmentDocument.class).getStatus();
	}

	long bookings(String volunteerId) {
		ScheduleDocument schedule = this.store.findById(volunteerId, ScheduleDocument.class);
		return (schedule != null) ? schedule.getBookings().size() : 0;
	}

	/** The actions of the activity log on the entity, as an admin reads them. */
	List<String> actions(String entityId) {
		return new ArrayList<>(as(TestUser.ADMIN)
			.document(
					"query($id: ID) { activities(filter: { entityId: $id }, first: 50) { edges { node { action } } } }")
			.variable("id", entityId)
			.execute()
			.path("activities.edges[*].node.action")
			.entityList(String.class)
			.get());
	}

	/** An expiry job whose clock is ahead of now by the given time. */
	AssignmentExpirer expirerAt(Duration ahead) {
		return new AssignmentExpirer(this.assignmentService, Clock.fixed(Instant.now().plus(ahead), ZoneOffset.UTC));
	}

	/** The test's own community, to scope expiry runs to. */
	static Criteria scope(String pcode) {
		return Criteria.where("communityPcode").is(pcode);
	}

}
