package org.hromada.assignment;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.hromada.aid.AidRequest;
import org.hromada.aid.AidRequestService;
import org.hromada.security.Caller;

import org.springframework.stereotype.Component;

/**
 * Aid requests as tasks: a request takes volunteers while TRIAGED, ASSIGNED or
 * IN_PROGRESS, and follows its assignments through the aid feature's service.
 */
@Component
class AidRequestTasks implements TaskSource {

	private final AidRequestService requests;

	AidRequestTasks(AidRequestService requests) {
		this.requests = requests;
	}

	@Override
	public TaskKind kind() {
		return TaskKind.AID_REQUEST;
	}

	@Override
	public Map<String, TaskInfo> find(Collection<String> ids) {
		return this.requests.findAll(ids)
			.values()
			.stream()
			.collect(Collectors.toMap(AidRequest::id, AidRequestTasks::info));
	}

	@Override
	public void accepted(String id, String volunteerId, Caller by) {
		this.requests.volunteerAccepted(id, volunteerId, by);
	}

	@Override
	public void started(String id, String volunteerId, Caller by) {
		this.requests.workStarted(id, by);
	}

	@Override
	public void unassigned(String id, String volunteerId, Caller by) {
		this.requests.volunteerUnassigned(id, volunteerId, by);
	}

	@Override
	public void released(String id, Caller by) {
		this.requests.released(id, by);
	}

	private static TaskInfo info(AidRequest request) {
		return new TaskInfo(new TaskRef(TaskKind.AID_REQUEST, request.id()), request.communityPcode(), request.sector(),
				request.title(), request.location(), request.status().isStaffable());
	}

}
