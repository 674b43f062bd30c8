package org.hromada.assignment;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The task sources registered as beans, by kind: aid requests here, milestones in the
 * project feature. An id no source knows is an unknown task.
 */
@Component
class Tasks {

	private final Map<TaskKind, TaskSource> sources = new EnumMap<>(TaskKind.class);

	Tasks(List<TaskSource> sources) {
		sources.forEach(source -> this.sources.put(source.kind(), source));
	}

	Optional<TaskSource> source(TaskKind kind) {
		return Optional.ofNullable(this.sources.get(kind));
	}

	Optional<TaskInfo> find(TaskRef ref) {
		return Optional.ofNullable(findAll(List.of(ref)).get(ref));
	}

	/** The tasks that exist, by reference, in one query per kind. */
	Map<TaskRef, TaskInfo> findAll(Collection<TaskRef> refs) {
		Map<TaskRef, TaskInfo> found = new HashMap<>();
		refs.stream()
			.collect(Collectors.groupingBy(TaskRef::kind, Collectors.mapping(TaskRef::id, Collectors.toSet())))
			.forEach((kind, ids) -> source(kind)
				.ifPresent(source -> source.find(ids).forEach((id, info) -> found.put(new TaskRef(kind, id), info))));
		return found;
	}

}
