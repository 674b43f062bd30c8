package org.hromada.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.graphql.test.tester.GraphQlTester;

/** Inputs and set-up of projects for tests. */
final class ProjectFixtures {

	static final String IRPIN = "UA3214007";

	static final String KHARKIV = "UA6312015";

	static final String RELIEF = "sample-relief";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private ProjectFixtures() {
	}

	/** A school rehabilitation in the community, funded by the organisations given. */
	static Map<String, Object> school(String communityPcode, String... funders) {
		Map<String, Object> input = new HashMap<>();
		input.put("communityPcode", communityPcode);
		input.put("title", "School No. 3 roof and windows");
		input.put("description", "Roof destroyed by shelling; windows of the east wing");
		input.put("sector", "EDUCATION");
		input.put("assetCategory", "EDUCATION");
		input.put("projectType", "REHABILITATION");
		input.put("damageAssessment", Map.of("scheme", "UNOSAT", "grade", "SEVERE", "assessedAt",
				"2026-03-01T10:00:00Z", "assessedBy", "Engineer Petro Kovalenko"));
		List<Map<String, Object>> organizations = new ArrayList<>();
		for (String funder : funders) {
			organizations.add(Map.of("organizationKey", funder, "roles", List.of("FUNDING")));
		}
		input.put("organizations", organizations);
		input.put("budget", List.of(Map.of("amountMinor", 1_000_000_00L, "currency", "UAH"),
				Map.of("amountMinor", 50_000_00L, "currency", "EUR")));
		input.put("peopleToBenefit", Map.of("total", 600, "girls", 280));
		input.put("externalReferences", Map.of("procurementId", "UA-2026-03-01-000123-a", "registryId", "DREAM-42"));
		input.put("location", Map.of("latitude", 50.52, "longitude", 30.25));
		return input;
	}

	/** Creates an organisation under a key no other test uses, and returns the key. */
	static String newOrganization(GraphQlTester admin) {
		String key = "test-org-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
		admin
			.document("mutation($key: String!) { createOrganization(input: { key: $key, "
					+ "name: { uk: \"Тест\", en: \"Test\" }, type: NATIONAL_NGO }) { userErrors { message } } }")
			.variable("key", key)
			.execute()
			.path("createOrganization.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		return key;
	}

	/** Creates a project and returns its id. */
	static String create(GraphQlTester caller, Map<String, Object> input) {
		return caller.documentName("createProject")
			.variable("input", input)
			.execute()
			.path("createProject.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("createProject.project.id")
			.entity(String.class)
			.get();
	}

	/** Moves a project to a status and returns its new version. */
	static long changeStatus(GraphQlTester caller, String id, long version, String status, String reason) {
		return caller.documentName("changeProjectStatus")
			.variable("input", Map.of("id", id, "version", version, "status", status, "reason", reason))
			.execute()
			.path("changeProjectStatus.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("changeProjectStatus.project.version")
			.entity(Long.class)
			.get();
	}

}
