package org.hromada.community;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class CommunityTests extends IntegrationTest {

	@Test
	void adminCreatesCommunityAndEveryRoleReadsIt() {
		String pcode = uniquePcode();
		String id = create(pcode, "Testova " + pcode).path("createCommunity.community.id").entity(String.class).get();

		for (TestUser user : TestUser.values()) {
			as(user).document("{ community(id: \"" + id + "\") { pcode name { uk en } adm1 { pcode } sample } }")
				.execute()
				.path("community.pcode")
				.entity(String.class)
				.isEqualTo(pcode)
				.path("community.sample")
				.entity(Boolean.class)
				.isEqualTo(false);
		}
		as(TestUser.VOLUNTEER_IRPIN).document("{ communityByPcode(pcode: \"" + pcode + "\") { id } }")
			.execute()
			.path("communityByPcode.id")
			.entity(String.class)
			.isEqualTo(id);
	}

	@Test
	void unknownCommunityIsNull() {
		as(TestUser.ADMIN).document("{ community(id: \"nope\") { id } communityByPcode(pcode: \"UA0000000\") { id } }")
			.execute()
			.path("community")
			.valueIsNull()
			.path("communityByPcode")
			.valueIsNull();
	}

	@Test
	void onlyAdminsCreateCommunities() {
		for (TestUser user : List.of(TestUser.COORDINATOR_KYIV, TestUser.VOLUNTEER_IRPIN, TestUser.PARTNER_RELIEF)) {
			String pcode = uniquePcode();
			as(user).documentName("createCommunity")
				.variable("input", input(pcode, "Forbidden"))
				.execute()
				.errors()
				.expect(error -> error.getErrorType().toString().equals("FORBIDDEN"))
				.verify();
			as(TestUser.ADMIN).document("{ communityByPcode(pcode: \"" + pcode + "\") { id } }")
				.execute()
				.path("communityByPcode")
				.valueIsNull();
		}
	}

	@Test
	void duplicatePcodeIsRefusedAndWritesNothing() {
		String pcode = uniquePcode();
		create(pcode, "First");
		create(pcode, "Second").path("createCommunity.community")
			.valueIsNull()
			.path("createCommunity.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("DUPLICATE")
			.path("createCommunity.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "pcode");
		as(TestUser.ADMIN).document("{ communityByPcode(pcode: \"" + pcode + "\") { name { en } } }")
			.execute()
			.path("communityByPcode.name.en")
			.entity(String.class)
			.isEqualTo("First");
	}

	@Test
	void invalidFieldsAreReportedEachWithItsPath() {
		Map<String, Object> input = input("KYIV-1", " ");
		input.put("population", -5);
		input.put("location", Map.of("latitude", 91.0, "longitude", 30.0));
		input.put("katottg", "UA123");
		as(TestUser.ADMIN).documentName("createCommunity")
			.variable("input", input)
			.execute()
			.path("createCommunity.community")
			.valueIsNull()
			.path("createCommunity.userErrors[*].path")
			.entityList(Object.class)
			.satisfies(paths -> assertThat(paths).map(Object::toString)
				.containsExactlyInAnyOrder("[input, katottg]", "[input, location, latitude]", "[input, name, en]",
						"[input, pcode]", "[input, population]"));
	}

	@Test
	void updateChangesOnlyGivenFieldsAndExplicitNullClears() {
		String pcode = uniquePcode();
		GraphQlTester.Response created = create(pcode, "Before");
		String id = created.path("createCommunity.community.id").entity(String.class).get();
		Long version = created.path("createCommunity.community.version").entity(Long.class).get();

		Map<String, Object> change = new HashMap<>();
		change.put("id", id);
		change.put("version", version);
		change.put("accessStatus", "HARD_TO_REACH");
		change.put("population", null);
		as(TestUser.ADMIN).documentName("updateCommunity")
			.variable("input", change)
			.execute()
			.path("updateCommunity.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("updateCommunity.community.accessStatus")
			.entity(String.class)
			.isEqualTo("HARD_TO_REACH")
			.path("updateCommunity.community.population")
			.valueIsNull()
			.path("updateCommunity.community.name.en")
			.entity(String.class)
			.isEqualTo("Before")
			.path("updateCommunity.community.location.latitude")
			.entity(Double.class)
			.isEqualTo(50.5)
			.path("updateCommunity.community.version")
			.entity(Long.class)
			.isEqualTo(version + 1);
	}

	@Test
	void staleVersionIsAConflictAndWritesNothing() {
		String pcode = uniquePcode();
		GraphQlTester.Response created = create(pcode, "Original");
		String id = created.path("createCommunity.community.id").entity(String.class).get();
		Long version = created.path("createCommunity.community.version").entity(Long.class).get();
		update(id, version, "First edit").path("updateCommunity.userErrors").entityList(Object.class).hasSize(0);

		update(id, version, "Stale edit").path("updateCommunity.community")
			.valueIsNull()
			.path("updateCommunity.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("CONFLICT")
			.path("updateCommunity.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "version");
		as(TestUser.ADMIN).document("{ community(id: \"" + id + "\") { name { en } } }")
			.execute()
			.path("community.name.en")
			.entity(String.class)
			.isEqualTo("First edit");
	}

	@Test
	void requiredFieldCannotBeClearedByExplicitNull() {
		GraphQlTester.Response created = create(uniquePcode(), "Named");
		Map<String, Object> change = new HashMap<>();
		change.put("id", created.path("createCommunity.community.id").entity(String.class).get());
		change.put("version", created.path("createCommunity.community.version").entity(Long.class).get());
		change.put("name", null);
		as(TestUser.ADMIN).documentName("updateCommunity")
			.variable("input", change)
			.execute()
			.path("updateCommunity.userErrors[0].path")
			.entityList(String.class)
			.containsExactly("input", "name")
			.path("updateCommunity.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("INVALID");
	}

	@Test
	void listIsFilteredAndPagedWithCursors() {
		String adm1 = "UA" + uniquePcode().substring(7);
		List<String> pcodes = List.of(uniquePcode(), uniquePcode(), uniquePcode());
		for (String pcode : pcodes) {
			Map<String, Object> input = input(pcode, "Paged " + pcode);
			input.put("adm1", Map.of("pcode", adm1, "name", Map.of("uk", "Область", "en", "Oblast")));
			as(TestUser.ADMIN).documentName("createCommunity")
				.variable("input", input)
				.execute()
				.path("createCommunity.userErrors")
				.entityList(Object.class)
				.hasSize(0);
		}
		Map<String, Object> filter = Map.of("adm1Pcode", adm1);
		GraphQlTester.Response first = as(TestUser.VOLUNTEER_KHARKIV).documentName("communities")
			.variable("filter", filter)
			.variable("first", 2)
			.execute();
		first.path("communities.edges[*].node.pcode")
			.entityList(String.class)
			.containsExactly(pcodes.get(0), pcodes.get(1))
			.path("communities.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true);
		String cursor = first.path("communities.pageInfo.endCursor").entity(String.class).get();

		as(TestUser.VOLUNTEER_KHARKIV).documentName("communities")
			.variable("filter", filter)
			.variable("first", 2)
			.variable("after", cursor)
			.execute()
			.path("communities.edges[*].node.pcode")
			.entityList(String.class)
			.containsExactly(pcodes.get(2))
			.path("communities.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);

		as(TestUser.VOLUNTEER_KHARKIV).documentName("communities")
			.variable("filter", Map.of("adm1Pcode", adm1, "nameContains", "paged " + pcodes.get(1).toLowerCase()))
			.execute()
			.path("communities.edges[*].node.pcode")
			.entityList(String.class)
			.containsExactly(pcodes.get(1));
	}

	@Test
	void pageSizeOutOfBoundsIsABadRequest() {
		as(TestUser.ADMIN).documentName("communities")
			.variable("first", 101)
			.execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("BAD_REQUEST")
					&& error.getMessage().contains("first must be between 1 and 100"))
			.verify();
	}

	@Test
	void everyChangeIsInTheActivityLog() {
		String pcode = uniquePcode();
		GraphQlTester.Response created = create(pcode, "Logged");
		String id = created.path("createCommunity.community.id").entity(String.class).get();
		update(id, created.path("createCommunity.community.version").entity(Long.class).get(), "Logged again");

		as(TestUser.ADMIN).documentName("activities")
			.variable("filter", Map.of("entityId", id))
			.execute()
			.path("activities.edges[*].node.action")
			.entityList(String.class)
			.containsExactly("community.updated", "community.created")
			.path("activities.edges[0].node.actorId")
			.entity(String.class)
			.isEqualTo(TestUser.ADMIN.subject())
			.path("activities.edges[0].node.communityPcode")
			.entity(String.class)
			.isEqualTo(pcode);
	}

	@Test
	void activityLogIsScopedToTheCallersCommunitiesOrOwnActions() {
		as(TestUser.PARTNER_RELIEF).documentName("activities")
			.execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("FORBIDDEN"))
			.verify();
		as(TestUser.COORDINATOR_KHARKIV).document("{ activities(first: 100) { edges { node { communityPcode } } } }")
			.execute()
			.path("activities.edges[*].node.communityPcode")
			.entityList(String.class)
			.satisfies(pcodes -> org.assertj.core.api.Assertions.assertThat(pcodes)
				.allMatch(TestUser.COORDINATOR_KHARKIV.communities()::contains));
		as(TestUser.VOLUNTEER_IRPIN).document("{ activities(first: 100) { edges { node { actorId } } } }")
			.execute()
			.path("activities.edges[*].node.actorId")
			.entityList(String.class)
			.satisfies(actors -> org.assertj.core.api.Assertions.assertThat(actors)
				.allMatch(TestUser.VOLUNTEER_IRPIN.subject()::equals));
	}

	private GraphQlTester.Response create(String pcode, String nameEn) {
		return as(TestUser.ADMIN).documentName("createCommunity").variable("input", input(pcode, nameEn)).execute();
	}

	private GraphQlTester.Response update(String id, Long version, String nameEn) {
		return as(TestUser.ADMIN).documentName("updateCommunity")
			.variable("input", Map.of("id", id, "version", version, "name", Map.of("uk", "Громада", "en", nameEn)))
			.execute();
	}

	static Map<String, Object> input(String pcode, String nameEn) {
		Map<String, Object> input = new HashMap<>();
		input.put("pcode", pcode);
		input.put("name", Map.of("uk", "Громада", "en", nameEn));
		input.put("adm1", Map.of("pcode", "UA32", "name", Map.of("uk", "Київська", "en", "Kyivska")));
		input.put("adm2", Map.of("pcode", "UA3214", "name", Map.of("uk", "Бучанський", "en", "Buchanskyi")));
		input.put("population", 1200);
		input.put("location", Map.of("latitude", 50.5, "longitude", 30.2));
		return input;
	}

}
