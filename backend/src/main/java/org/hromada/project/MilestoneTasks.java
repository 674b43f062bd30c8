package org.hromada.project;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.hromada.assignment.TaskInfo;
import org.hromada.assignment.TaskKind;
import org.hromada.assignment.TaskRef;
import org.hromada.assignment.TaskSource;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Project milestones as tasks volunteers can be assigned to. A milestone takes new
 * assignments while it is not complete and its project is in an open status (ON_HOLD
 * included: the hold is expected to end).
 */
@Component
class MilestoneTasks implements TaskSource {

	private final MongoTemplate mongo;

	private final ProjectMapper mapper;

	MilestoneTasks(MongoTemplate mongo, ProjectMapper mapper) {
		this.mongo = mongo;
		this.mapper = mapper;
	}

	@Override
	public TaskKind kind() {
		return TaskKind.MILESTONE;
	}

	/** The milestones with these ids, in one query on the milestone id index. */
	@Override
	public Map<String, TaskInfo> find(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Set<String> wanted = Set.copyOf(ids);
		Map<String, TaskInfo> tasks = new HashMap<>();
		for (ProjectDocument project : this.mongo.find(new Query(Criteria.where("milestones.id").in(wanted)),
				ProjectDocument.class)) {
			for (Milestone milestone : project.getMilestones()) {
				if (wanted.contains(milestone.id())) {
					tasks.put(milestone.id(),
							new TaskInfo(new TaskRef(TaskKind.MILESTONE, milestone.id()), project.getCommunityPcode(),
									project.getSector(), milestone.title(), this.mapper.toApi(project.getLocation()),
									!milestone.completed() && project.getStatus().isOpen()));
				}
			}
		}
		return tasks;
	}

}
