package org.hromada.project;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hromada.support.IntegrationTest;
import org.hromada.support.MongoCommandCounter;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.project.ProjectFixtures.RELIEF;
import static org.hromada.project.ProjectFixtures.create;
import static org.hromada.project.ProjectFixtures.newOrganization;
import static org.hromada.project.ProjectFixtures.school;

class ProjectSearchTests extends IntegrationTest {

	@Autowired
	MongoCommandCounter commands;

	@Test
	void filtersByStatusAssetCategoryAndOrganisation() {
		String pcode = newCommunity("ACCESSIBLE");
		String other = newOrganization(as(TestUser.ADMIN));
		String school = create(as(TestUser.ADMIN), school(pcode, RELIEF));
		Map<String, Object> water = school(pcode, other);
		water.put("assetCategory", "WATER");
		water.put("sector", "WASH");
		String plant = create(as(TestUser.ADMIN), water);
		as(TestUser.ADMIN).documentName("changeProjectStatus")
			.variable("input", Map.of("id", plant, "version", 0, "status", "CANCELLED", "reason", "Merged"))
			.execute();
		assertFound(Map.of("communities", List.of(pcode), "assetCategories", List.of("WATER")), plant);
		assertFound(Map.of("communities", List.of(pcode), "statuses", List.of("IDENTIFICATION")), school);
		assertFound(Map.of("communities", List.of(pcode), "organizationKey", other), plant);
		assertFound(Map.of("communities", List.of(pcode), "sectors", List.of("EDUCATION")), school);
		assertFound(Map.of("communities", List.of(pcode)), plant, school);
	}

	@Test
	void pagesFollowOneAnotherByCursor() {
		String pcode = newCommunity("ACCESSIBLE");
		for (int i = 0; i < 3; i++) {
			create(as(TestUser.ADMIN), school(pcode, RELIEF));
		}
		String cursor = as(TestUser.VOLUNTEER_IRPIN).documentName("projects")
			.variable("filter", Map.of("communities", List.of(pcode)))
			.variable("first", 2)
			.execute()
			.path("projects.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("projects.pageInfo.endCursor")
			.entity(String.class)
			.get();
		as(TestUser.VOLUNTEER_IRPIN).documentName("projects")
			.variable("filter", Map.of("communities", List.of(pcode)))
			.variable("first", 2)
			.variable("after", cursor)
			.execute()
			.path("projects.edges")
			.entityList(Object.class)
			.hasSize(1)
			.path("projects.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

	@Test
	void nestedFieldsOfAPageAreLoadedInBatches() {
		String pcode = newCommunity("ACCESSIBLE");
		String other = newOrganization(as(TestUser.ADMIN));
		String need = as(TestUser.ADMIN)
			.document("mutation($input: LogAidRequestInput!) { logAidRequest(input: $input) { aidRequest { id } } }")
			.variable("input",
					Map.of("clientRequestId", UUID.randomUUID().toString(), "communityPcode", pcode, "sector", "WASH",
							"title", "Water", "peopleAffected", Map.of("total", 3), "urgency", "SOON"))
			.execute()
			.path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();
		for (int i = 0; i < 50; i++) {
			Map<String, Object> input = school(pcode, RELIEF, other);
			input.put("linkedAidRequestIds", List.of(need));
			String id = create(as(TestUser.ADMIN), input);
			if (i % 10 == 0) {
				as(TestUser.ADMIN).documentName("addMilestone")
					.variable("input", Map.of("projectId", id, "version", 0, "title", "Roof"))
					.execute();
			}
		}
		// 25 projects with up to 100 linked needs and milestones each are about as many
		// values as the complexity limit lets one response hold.
		int small = commandsFor(pcode, 5);
		int large = commandsFor(pcode, 25);
		assertThat(large).isLessThanOrEqualTo(small);
	}

	private int commandsFor(String pcode, int first) {
		this.commands.reset();
		as(TestUser.PARTNER_RELIEF).documentName("projects")
			.variable("filter", Map.of("communities", List.of(pcode)))
			.variable("first", first)
			.execute()
			.path("projects.edges")
			.entityList(Object.class)
			.hasSize(first)
			.path("projects.edges[*].node.community.pcode")
			.entityList(String.class)
			.satisfies(pcodes -> assertThat(pcodes).containsOnly(pcode))
			.path("projects.edges[*].node.linkedAidRequests[*].title")
			.entityList(String.class)
			.satisfies(titles -> assertThat(titles).hasSize(first).containsOnly("Water"))
			.path("projects.edges[*].node.organizations[*].organization.key")
			.entityList(String.class)
			.satisfies(keys -> assertThat(keys).hasSize(2 * first));
		return this.commands.count();
	}

	private void assertFound(Map<String, Object> filter, String... ids) {
		as(TestUser.PARTNER_RELIEF).documentName("projects")
			.variable("filter", filter)
			.execute()
			.path("projects.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(ids);
	}

}
