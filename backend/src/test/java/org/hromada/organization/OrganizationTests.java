package org.hromada.organization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hromada.support.IntegrationTest;
import org.hromada.support.MongoCommandCounter;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationTests extends IntegrationTest {

	@Autowired
	MongoCommandCounter commands;

	@Test
	void adminCreatesOrganisationAndEveryRoleReadsIt() {
		String pcode = newCommunity("ACCESSIBLE");
		String key = uniqueKey();
		Map<String, Object> input = input(key, "Created " + key);
		input.put("acronym", "CRT");
		input.put("sectors", List.of("HEALTH", "WASH", "HEALTH"));
		input.put("communityPcodes", List.of("UA3214007", pcode, "UA3214007"));
		GraphQlTester.Response created = create(input);
		created.path("createOrganization.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("createOrganization.organization.sectors")
			.entityList(String.class)
			.containsExactly("WASH", "HEALTH")
			.path("createOrganization.organization.communities[*].pcode")
			.entityList(String.class)
			.containsExactly("UA3214007", pcode)
			.path("createOrganization.organization.sample")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("createOrganization.organization.version")
			.entity(Long.class)
			.isEqualTo(0L);
		String id = created.path("createOrganization.organization.id").entity(String.class).get();

		for (TestUser user : TestUser.values()) {
			as(user)
				.document("{ organization(id: \"" + id + "\") { key acronym type } organizationByKey(key: \"" + key
						+ "\") { id communities { name { en } } } }")
				.execute()
				.path("organization.key")
				.entity(String.class)
				.isEqualTo(key)
				.path("organization.type")
				.entity(String.class)
				.isEqualTo("NATIONAL_NGO")
				.path("organizationByKey.id")
				.entity(String.class)
				.isEqualTo(id)
				.path("organizationByKey.communities[1].name.en")
				.entity(String.class)
				.isEqualTo("Test");
		}
	}

	@Test
	void unknownOrganisationIsNull() {
		as(TestUser.ADMIN).document("{ organization(id: \"nope\") { id } organizationByKey(key: \"nope\") { id } }")
			.execute()
			.path("organization")
			.valueIsNull()
			.path("organizationByKey")
			.valueIsNull();
	}

	@Test
	void onlyAdminsCreateAndUpdateOrganisations() {
		GraphQlTester.Response created = create(input(uniqueKey(), "Guarded"));
		String id = created.path("createOrganization.organization.id").entity(String.class).get();
		for (TestUser user : List.of(TestUser.COORDINATOR_KYIV, TestUser.VOLUNTEER_IRPIN, TestUser.PARTNER_RELIEF)) {
			String key = uniqueKey();
			as(user).documentName("createOrganization")
				.variable("input", input(key, "Forbidden"))
				.execute()
				.errors()
				.expect(error -> error.getErrorType().toString().equals("FORBIDDEN"))
				.verify();
			as(user).documentName("updateOrganization")
				.variable("input", Map.of("id", id, "version", 0, "acronym", "HACK"))
				.execute()
				.errors()
				.expect(error -> error.getErrorType().toString().equals("FORBIDDEN"))
				.verify();
			as(TestUser.ADMIN)
				.document("{ organizationByKey(key: \"" + key + "\") { id } organization(id: \"" + id
						+ "\") { acronym version } }")
				.execute()
				.path("organizationByKey")
				.valueIsNull()
				.path("organization.acronym")
				.valueIsNull()
				.path("organization.version")
				.entity(Long.class)
				.isEqualTo(0L);
		}
	}

	@Test
	void duplicateKeyIsRefusedAndWritesNothing() {
		String key = uniqueKey();
		create(input(key, "First")).path("createOrganization.userErrors").entityList(Object.class).hasSize(0);
		create(input(key, "Second")).path("createOrganization.organization")
			.valueIsNull()
			.path("createOrganization.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("DUPLICATE")
			.path("createOrganization.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "key");
		as(TestUser.ADMIN).document("{ organizationByKey(key: \"" + key + "\") { name { en } } }")
			.execute()
			.path("organizationByKey.name.en")
			.entity(String.class)
			.isEqualTo("First");
	}

	@Test
	void unknownCommunitiesAreNotFoundAtTheirIndexAndWriteNothing() {
		String key = uniqueKey();
		Map<String, Object> input = input(key, "Unknown communities");
		input.put("communityPcodes", List.of("UA3214007", "UA0000001", "UA6312015", "UA0000002"));
		create(input).path("createOrganization.organization")
			.valueIsNull()
			.path("createOrganization.userErrors[*].code")
			.entityList(String.class)
			.containsExactly("NOT_FOUND", "NOT_FOUND")
			.path("createOrganization.userErrors[*].path")
			.entityList(Object.class)
			.satisfies(paths -> assertThat(paths).map(Object::toString)
				.containsExactly("[input, communityPcodes, 1]", "[input, communityPcodes, 3]"));
		as(TestUser.ADMIN).document("{ organizationByKey(key: \"" + key + "\") { id } }")
			.execute()
			.path("organizationByKey")
			.valueIsNull();

		GraphQlTester.Response stored = create(input(uniqueKey(), "Known communities"));
		as(TestUser.ADMIN).documentName("updateOrganization")
			.variable("input",
					Map.of("id", stored.path("createOrganization.organization.id").entity(String.class).get(),
							"version", 0, "communityPcodes", List.of("UA0000003")))
			.execute()
			.path("updateOrganization.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND")
			.path("updateOrganization.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "communityPcodes", "0");
	}

	@Test
	void invalidFieldsAreReportedEachWithItsPath() {
		Map<String, Object> input = input("Bad_Key", " ");
		input.put("acronym", "A".repeat(21));
		List<String> tooMany = new ArrayList<>();
		for (int i = 0; i < 501; i++) {
			tooMany.add(String.format("UA9%08d", i));
		}
		input.put("communityPcodes", tooMany);
		create(input).path("createOrganization.organization")
			.valueIsNull()
			.path("createOrganization.userErrors[*].path")
			.entityList(Object.class)
			.satisfies(paths -> assertThat(paths).map(Object::toString)
				.containsExactlyInAnyOrder("[input, key]", "[input, acronym]", "[input, name, en]",
						"[input, communityPcodes]"));
		create(input("x", "Short key")).path("createOrganization.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "key");
		create(input("a".repeat(51), "Long key")).path("createOrganization.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "key");
		create(input("double--hyphen", "Hyphens")).path("createOrganization.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "key");
	}

	@Test
	void updateChangesOnlyGivenFieldsAndExplicitNullClears() {
		Map<String, Object> input = input(uniqueKey(), "Before");
		input.put("acronym", "BFR");
		input.put("sectors", List.of("WASH"));
		input.put("communityPcodes", List.of("UA3214007"));
		GraphQlTester.Response created = create(input);
		String id = created.path("createOrganization.organization.id").entity(String.class).get();

		Map<String, Object> change = new HashMap<>();
		change.put("id", id);
		change.put("version", 0);
		change.put("acronym", null);
		change.put("type", "UN_AGENCY");
		change.put("communityPcodes", List.of("UA6312015", "UA3214007"));
		as(TestUser.ADMIN).documentName("updateOrganization")
			.variable("input", change)
			.execute()
			.path("updateOrganization.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("updateOrganization.organization.acronym")
			.valueIsNull()
			.path("updateOrganization.organization.type")
			.entity(String.class)
			.isEqualTo("UN_AGENCY")
			.path("updateOrganization.organization.name.en")
			.entity(String.class)
			.isEqualTo("Before")
			.path("updateOrganization.organization.sectors")
			.entityList(String.class)
			.containsExactly("WASH")
			.path("updateOrganization.organization.communities[*].pcode")
			.entityList(String.class)
			.containsExactly("UA6312015", "UA3214007")
			.path("updateOrganization.organization.version")
			.entity(Long.class)
			.isEqualTo(1L);

		Map<String, Object> clearType = new HashMap<>();
		clearType.put("id", id);
		clearType.put("version", 1);
		clearType.put("type", null);
		as(TestUser.ADMIN).documentName("updateOrganization")
			.variable("input", clearType)
			.execute()
			.path("updateOrganization.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "type")
			.path("updateOrganization.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("INVALID");
	}

	@Test
	void staleVersionIsAConflictAndWritesNothing() {
		GraphQlTester.Response created = create(input(uniqueKey(), "Original"));
		String id = created.path("createOrganization.organization.id").entity(String.class).get();
		rename(id, 0L, "First edit").path("updateOrganization.userErrors").entityList(Object.class).hasSize(0);

		rename(id, 0L, "Stale edit").path("updateOrganization.organization")
			.valueIsNull()
			.path("updateOrganization.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("CONFLICT")
			.path("updateOrganization.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "version");
		as(TestUser.ADMIN).document("{ organization(id: \"" + id + "\") { name { en } version } }")
			.execute()
			.path("organization.name.en")
			.entity(String.class)
			.isEqualTo("First edit")
			.path("organization.version")
			.entity(Long.class)
			.isEqualTo(1L);
	}

	@Test
	void myOrganizationIsTheOneNamedByThePartnersToken() {
		as(TestUser.PARTNER_RELIEF)
			.document("{ myOrganization { key name { en } type sectors sample communities { pcode } } }")
			.execute()
			.path("myOrganization.key")
			.entity(String.class)
			.isEqualTo("sample-relief")
			.path("myOrganization.name.en")
			.entity(String.class)
			.isEqualTo("Sample Relief Ukraine")
			.path("myOrganization.type")
			.entity(String.class)
			.isEqualTo("INTERNATIONAL_NGO")
			.path("myOrganization.sectors")
			.entityList(String.class)
			.containsExactly("SHELTER_NFI", "WASH")
			.path("myOrganization.sample")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("myOrganization.communities[*].pcode")
			.entityList(String.class)
			.containsExactly("UA3214007", "UA6312015");

		withToken(TestTokens.accessToken(TestUser.PARTNER_RELIEF,
				claims -> claims.claim("organization", "no-such-organisation")))
			.document("{ myOrganization { key } }")
			.execute()
			.errors()
			.verify()
			.path("myOrganization")
			.valueIsNull();
	}

	@Test
	void listIsFilteredAndPagedWithCursors() {
		String pcode = newCommunity("ACCESSIBLE");
		String prefix = uniqueKey();
		List<String> keys = List.of(prefix + "-a", prefix + "-b", prefix + "-c");
		for (int i = 0; i < keys.size(); i++) {
			Map<String, Object> input = input(keys.get(i), "Listed " + keys.get(i));
			input.put("type", (i == 1) ? "UN_AGENCY" : "NATIONAL_NGO");
			input.put("sectors", (i == 2) ? List.of("HEALTH") : List.of("WASH"));
			input.put("communityPcodes", List.of(pcode));
			create(input).path("createOrganization.userErrors").entityList(Object.class).hasSize(0);
		}
		Map<String, Object> filter = Map.of("communityPcode", pcode);
		GraphQlTester.Response first = as(TestUser.PARTNER_RELIEF).documentName("organizations")
			.variable("filter", filter)
			.variable("first", 2)
			.execute();
		first.path("organizations.edges[*].node.key")
			.entityList(String.class)
			.containsExactly(keys.get(0), keys.get(1))
			.path("organizations.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true);
		as(TestUser.PARTNER_RELIEF).documentName("organizations")
			.variable("filter", filter)
			.variable("first", 2)
			.variable("after", first.path("organizations.pageInfo.endCursor").entity(String.class).get())
			.execute()
			.path("organizations.edges[*].node.key")
			.entityList(String.class)
			.containsExactly(keys.get(2))
			.path("organizations.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);

		assertKeys(Map.of("communityPcode", pcode, "type", "NATIONAL_NGO"), keys.get(0), keys.get(2));
		assertKeys(Map.of("communityPcode", pcode, "sector", "WASH"), keys.get(0), keys.get(1));
		assertKeys(Map.of("communityPcode", pcode, "nameContains", "LISTED " + keys.get(1).toUpperCase()), keys.get(1));
		assertKeys(Map.of("nameContains", prefix, "sector", "HEALTH", "type", "NATIONAL_NGO"), keys.get(2));
	}

	@Test
	void aPageOfNineOrganisationsWithTheirCommunitiesCostsNoMoreMongoCommandsThanAPageOfTwo() {
		String pcode = newCommunity("ACCESSIBLE");
		for (int i = 0; i < 10; i++) {
			Map<String, Object> input = input(uniqueKey(), "Counted " + i);
			input.put("communityPcodes", List.of(pcode, (i % 2 == 0) ? "UA3214007" : "UA6312015"));
			create(input).path("createOrganization.userErrors").entityList(Object.class).hasSize(0);
		}
		int two = commandsFor(pcode, 2);
		int nine = commandsFor(pcode, 9);
		assertThat(nine).isEqualTo(two);
		assertThat(two).as("page query + community batch").isLessThanOrEqualTo(3);
	}

	@Test
	void everyChangeIsInTheActivityLog() {
		GraphQlTester.Response created = create(input(uniqueKey(), "Logged"));
		String id = created.path("createOrganization.organization.id").entity(String.class).get();
		rename(id, 0L, "Logged again");

		as(TestUser.ADMIN).documentName("activities")
			.variable("filter", Map.of("entityId", id))
			.execute()
			.path("activities.edges[*].node.action")
			.entityList(String.class)
			.containsExactly("organization.updated", "organization.created")
			.path("activities.edges[0].node.actorId")
			.entity(String.class)
			.isEqualTo(TestUser.ADMIN.subject());
	}

	private int commandsFor(String pcode, int first) {
		this.commands.reset();
		as(TestUser.ADMIN).documentName("organizations")
			.variable("filter", Map.of("communityPcode", pcode))
			.variable("first", first)
			.execute()
			.path("organizations.edges")
			.entityList(Object.class)
			.hasSize(first)
			.path("organizations.edges[*].node.communities[0].pcode")
			.entityList(String.class)
			.satisfies(pcodes -> assertThat(pcodes).containsOnly(pcode));
		return this.commands.count();
	}

	private void assertKeys(Map<String, Object> filter, String... keys) {
		// Nine organisations with up to 500 communities each are within the complexity
		// limit; the default page of 20 is not.
		as(TestUser.VOLUNTEER_IRPIN).documentName("organizations")
			.variable("filter", filter)
			.variable("first", 9)
			.execute()
			.path("organizations.edges[*].node.key")
			.entityList(String.class)
			.containsExactly(keys);
	}

	private GraphQlTester.Response create(Map<String, Object> input) {
		return as(TestUser.ADMIN).documentName("createOrganization").variable("input", input).execute();
	}

	private GraphQlTester.Response rename(String id, Long version, String nameEn) {
		return as(TestUser.ADMIN).documentName("updateOrganization")
			.variable("input", Map.of("id", id, "version", version, "name", Map.of("uk", "Організація", "en", nameEn)))
			.execute();
	}

	/** A key no other test uses. */
	private static String uniqueKey() {
		return "test-org-" + uniquePcode().toLowerCase();
	}

	static Map<String, Object> input(String key, String nameEn) {
		Map<String, Object> input = new HashMap<>();
		input.put("key", key);
		input.put("name", Map.of("uk", "Організація", "en", nameEn));
		input.put("type", "NATIONAL_NGO");
		return input;
	}

}
