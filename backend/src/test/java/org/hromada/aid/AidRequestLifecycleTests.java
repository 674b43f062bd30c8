package org.hromada.aid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.aid.AidRequestFixtures.IRPIN;
import static org.hromada.aid.AidRequestFixtures.need;

class AidRequestLifecycleTests extends IntegrationTest {

	@Test
	void everyValidStatusChangeIsRecordedInHistoryAndActivity() {
		Logged request = log();
		long version = request.version();
		for (String status : List.of("TRIAGED", "ASSIGNED", "IN_PROGRESS", "FULFILLED", "CLOSED")) {
			version = change(request.id(), version, status, "to " + status).path("changeAidRequestStatus.userErrors")
				.entityList(Object.class)
				.hasSize(0)
				.path("changeAidRequestStatus.aidRequest.status")
				.entity(String.class)
				.isEqualTo(status)
				.path("changeAidRequestStatus.aidRequest.version")
				.entity(Long.class)
				.get();
		}
		as(TestUser.COORDINATOR_KYIV).documentName("aidRequest")
			.variable("id", request.id())
			.execute()
			.path("aidRequest.statusHistory[*].to")
			.entityList(String.class)
			.containsExactly("NEW", "TRIAGED", "ASSIGNED", "IN_PROGRESS", "FULFILLED", "CLOSED")
			.path("aidRequest.statusHistory[5].from")
			.entity(String.class)
			.isEqualTo("FULFILLED")
			.path("aidRequest.statusHistory[5].by")
			.entity(String.class)
			.isEqualTo(TestUser.COORDINATOR_KYIV.subject())
			.path("aidRequest.statusHistory[5].note")
			.entity(String.class)
			.isEqualTo("to CLOSED");
		as(TestUser.ADMIN)
			.document("{ activities(filter: { entityId: \"" + request.id() + "\" }) { edges { node { action } } } }")
			.execute()
			.path("activities.edges[*].node.action")
			.entityList(String.class)
			.containsExactly("aidRequest.status.closed", "aidRequest.status.fulfilled", "aidRequest.status.in_progress",
					"aidRequest.status.assigned", "aidRequest.status.triaged", "aidRequest.logged");
	}

	@Test
	void invalidStatusChangesAreRefusedAndChangeNothing() {
		Logged request = log();
		for (String status : List.of("ASSIGNED", "IN_PROGRESS", "FULFILLED", "CLOSED", "NEW")) {
			change(request.id(), request.version(), status, null).path("changeAidRequestStatus.aidRequest")
				.valueIsNull()
				.path("changeAidRequestStatus.userErrors[0].code")
				.entity(String.class)
				.isEqualTo("INVALID_TRANSITION")
				.path("changeAidRequestStatus.userErrors[0].message")
				.entity(String.class)
				.satisfies(message -> assertThat(message).contains("A NEW request cannot become " + status));
		}
		change(request.id(), request.version(), "DUPLICATE", null).path("changeAidRequestStatus.userErrors[0].message")
			.entity(String.class)
			.satisfies(message -> assertThat(message).contains("markDuplicate"));
		as(TestUser.COORDINATOR_KYIV).documentName("aidRequest")
			.variable("id", request.id())
			.execute()
			.path("aidRequest.status")
			.entity(String.class)
			.isEqualTo("NEW")
			.path("aidRequest.version")
			.entity(Long.class)
			.isEqualTo(request.version());
	}

	@Test
	void staleVersionIsAConflict() {
		Logged request = log();
		change(request.id(), request.version(), "TRIAGED", null);
		change(request.id(), request.version(), "CANCELLED", null).path("changeAidRequestStatus.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("CONFLICT");
	}

	@Test
	void triageOverridesPriorityWithWhoAndWhy() {
		Logged request = log();
		triage(request.id(), request.version(), Map.of("priorityOverride", "CRITICAL"))
			.path("triageAidRequest.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "reason");
		triage(request.id(), request.version(),
				Map.of("priorityOverride", "CRITICAL", "reason", "Insulin-dependent child", "sector", "HEALTH"))
			.path("triageAidRequest.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("triageAidRequest.aidRequest.status")
			.entity(String.class)
			.isEqualTo("TRIAGED")
			.path("triageAidRequest.aidRequest.sector")
			.entity(String.class)
			.isEqualTo("HEALTH")
			.path("triageAidRequest.aidRequest.priority")
			.entity(String.class)
			.isEqualTo("CRITICAL")
			.path("triageAidRequest.aidRequest.priorityExplanation.override.by")
			.entity(String.class)
			.isEqualTo(TestUser.COORDINATOR_KYIV.subject())
			.path("triageAidRequest.aidRequest.priorityExplanation.override.reason")
			.entity(String.class)
			.isEqualTo("Insulin-dependent child");
	}

	@Test
	void removingTheOverrideRestoresTheComputedPriority() {
		Logged request = log();
		long version = triage(request.id(), request.version(),
				Map.of("priorityOverride", "LOW", "reason", "Already served"))
			.path("triageAidRequest.aidRequest.version")
			.entity(Long.class)
			.get();
		Map<String, Object> clear = new HashMap<>();
		clear.put("priorityOverride", null);
		GraphQlTester.Response cleared = triage(request.id(), version, clear);
		String computed = cleared.path("triageAidRequest.aidRequest.priorityExplanation.computed")
			.entity(String.class)
			.get();
		cleared.path("triageAidRequest.aidRequest.priorityExplanation.override")
			.valueIsNull()
			.path("triageAidRequest.aidRequest.priority")
			.entity(String.class)
			.isEqualTo(computed);
	}

	@Test
	void updateIsPartialAndAnExplicitNullClears() {
		Logged request = log();
		Map<String, Object> change = new HashMap<>();
		change.put("id", request.id());
		change.put("version", request.version());
		change.put("title", "Water and hygiene kits");
		change.put("quantity", null);
		as(TestUser.VOLUNTEER_IRPIN).documentName("updateAidRequest")
			.variable("input", change)
			.execute()
			.path("updateAidRequest.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("updateAidRequest.aidRequest.title")
			.entity(String.class)
			.isEqualTo("Water and hygiene kits")
			.path("updateAidRequest.aidRequest.quantity")
			.valueIsNull()
			.path("updateAidRequest.aidRequest.unit")
			.entity(String.class)
			.isEqualTo("litres")
			.path("updateAidRequest.aidRequest.contact.phone")
			.entity(String.class)
			.isEqualTo("+380 67 123 45 67");
	}

	@Test
	void volunteerMayNotChangeAnotherVolunteersRequest() {
		Logged request = log();
		as(TestUser.VOLUNTEER_KHARKIV).documentName("updateAidRequest")
			.variable("input", Map.of("id", request.id(), "version", request.version(), "title", "Hijacked"))
			.execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("FORBIDDEN"))
			.verify();
		as(TestUser.COORDINATOR_KYIV).documentName("aidRequest")
			.variable("id", request.id())
			.execute()
			.path("aidRequest.title")
			.entity(String.class)
			.isEqualTo("Drinking water for a shelter");
	}

	@Test
	void duplicateIsConfirmedOnlyAgainstAnOpenRequestOfTheSameCommunity() {
		Logged original = log();
		Logged copy = log();
		as(TestUser.COORDINATOR_KYIV).document(
				"mutation($input: MarkDuplicateInput!) { markDuplicate(input: $input) { aidRequest { status duplicateOf } userErrors { code path } } }")
			.variable("input", Map.of("id", copy.id(), "version", copy.version(), "duplicateOf", copy.id()))
			.execute()
			.path("markDuplicate.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "duplicateOf");
		as(TestUser.COORDINATOR_KYIV).document(
				"mutation($input: MarkDuplicateInput!) { markDuplicate(input: $input) { aidRequest { status duplicateOf } userErrors { code } } }")
			.variable("input",
					Map.of("id", copy.id(), "version", copy.version(), "duplicateOf", original.id(), "note",
							"Same family"))
			.execute()
			.path("markDuplicate.aidRequest.status")
			.entity(String.class)
			.isEqualTo("DUPLICATE")
			.path("markDuplicate.aidRequest.duplicateOf")
			.entity(String.class)
			.isEqualTo(original.id());
	}

	private Logged log() {
		GraphQlTester.Response response = as(TestUser.VOLUNTEER_IRPIN).documentName("logAidRequest")
			.variable("input", need(IRPIN))
			.execute();
		return new Logged(response.path("logAidRequest.aidRequest.id").entity(String.class).get(),
				response.path("logAidRequest.aidRequest.version").entity(Long.class).get());
	}

	private GraphQlTester.Response change(String id, long version, String status, String note) {
		Map<String, Object> input = new HashMap<>(Map.of("id", id, "version", version, "status", status));
		if (note != null) {
			input.put("note", note);
		}
		return as(TestUser.COORDINATOR_KYIV).documentName("changeAidRequestStatus").variable("input", input).execute();
	}

	private GraphQlTester.Response triage(String id, long version, Map<String, Object> changes) {
		Map<String, Object> input = new HashMap<>(changes);
		input.put("id", id);
		input.put("version", version);
		return as(TestUser.COORDINATOR_KYIV).documentName("triageAidRequest").variable("input", input).execute();
	}

	record Logged(String id, long version) {

	}

}
