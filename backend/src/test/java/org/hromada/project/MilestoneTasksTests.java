package org.hromada.project;

import java.util.List;
import java.util.Map;

import org.hromada.assignment.TaskInfo;
import org.hromada.assignment.TaskKind;
import org.hromada.assignment.TaskSource;
import org.hromada.support.IntegrationTest;
import org.hromada.support.MongoCommandCounter;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.project.ProjectFixtures.IRPIN;
import static org.hromada.project.ProjectFixtures.RELIEF;
import static org.hromada.project.ProjectFixtures.create;
import static org.hromada.project.ProjectFixtures.school;

class MilestoneTasksTests extends IntegrationTest {

	@Autowired
	List<TaskSource> sources;

	@Autowired
	MongoCommandCounter commands;

	@Test
	void milestonesAreTasksOfTheirProjectsCommunityAndOpenWhileNotDone() {
		TaskSource milestones = this.sources.stream()
			.filter(source -> source.kind() == TaskKind.MILESTONE)
			.findFirst()
			.orElseThrow();
		String first = create(as(TestUser.COORDINATOR_KYIV), school(IRPIN, RELIEF));
		String roof = addMilestone(first, 0, "Roof");
		String windows = addMilestone(first, 1, "Windows");
		as(TestUser.COORDINATOR_KYIV).documentName("completeMilestone")
			.variable("input", Map.of("projectId", first, "version", 2, "milestoneId", windows))
			.execute();
		String second = create(as(TestUser.COORDINATOR_KYIV), school(IRPIN, RELIEF));
		String heating = addMilestone(second, 0, "Heating");
		as(TestUser.COORDINATOR_KYIV).documentName("changeProjectStatus")
			.variable("input", Map.of("id", second, "version", 1, "status", "CANCELLED", "reason", "Duplicate"))
			.execute();

		this.commands.reset();
		Map<String, TaskInfo> tasks = milestones.find(List.of(roof, windows, heating, "no-such-milestone"));
		assertThat(this.commands.count()).isEqualTo(1);
		assertThat(tasks).containsOnlyKeys(roof, windows, heating);
		TaskInfo task = tasks.get(roof);
		assertThat(task.ref().kind()).isEqualTo(TaskKind.MILESTONE);
		assertThat(task.communityPcode()).isEqualTo(IRPIN);
		assertThat(task.sector()).hasToString("EDUCATION");
		assertThat(task.title()).isEqualTo("Roof");
		assertThat(task.location().latitude()).isEqualTo(50.52);
		assertThat(task.open()).isTrue();
		assertThat(tasks.get(windows).open()).as("completed milestone").isFalse();
		assertThat(tasks.get(heating).open()).as("milestone of a cancelled project").isFalse();
		assertThat(milestones.find(List.of())).isEmpty();
	}

	private String addMilestone(String projectId, long version, String title) {
		return as(TestUser.COORDINATOR_KYIV).documentName("addMilestone")
			.variable("input", Map.of("projectId", projectId, "version", version, "title", title))
			.execute()
			.path("addMilestone.milestone.id")
			.entity(String.class)
			.get();
	}

}
