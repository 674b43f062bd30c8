package org.hromada.assignment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hromada.aid.AidRequest;
import org.hromada.assignment.AssignmentInputs.AssignVolunteerInput;
import org.hromada.assignment.AssignmentInputs.AssignmentFilter;
import org.hromada.assignment.AssignmentInputs.CancelAssignmentInput;
import org.hromada.assignment.AssignmentInputs.CheckInInput;
import org.hromada.assignment.AssignmentInputs.CompleteAssignmentInput;
import org.hromada.assignment.AssignmentInputs.RespondToAssignmentInput;
import org.hromada.assignment.AssignmentInputs.TaskInput;
import org.hromada.assignment.AssignmentInputs.TimeWindowInput;
import org.hromada.graphql.BadRequestException;
import org.hromada.graphql.NotFoundException;
import org.hromada.graphql.Pages;
import org.hromada.graphql.Payloads;
import org.hromada.graphql.UserError;
import org.hromada.security.Access;
import org.hromada.volunteer.Volunteer;
import org.hromada.volunteer.VolunteerService;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class AssignmentController {

	private final AssignmentService assignments;

	private final VolunteerMatcher matcher;

	private final Tasks tasks;

	private final VolunteerService volunteers;

	private final AssignmentSettings settings;

	AssignmentController(AssignmentService assignments, VolunteerMatcher matcher, Tasks tasks,
			VolunteerService volunteers, AssignmentSettings settings) {
		this.settings = settings;
		this.assignments = assignments;
		this.matcher = matcher;
		this.tasks = tasks;
		this.volunteers = volunteers;
	}

	@QueryMapping
	Window<Assignment> myAssignments(@Argument List<AssignmentStatus> statuses, @Argument Integer first,
			ScrollSubrange subrange, Access access) {
		return this.assignments.mine(statuses, Pages.position(subrange), Pages.limit(first), access);
	}

	@QueryMapping
	Window<Assignment> assignments(@Argument AssignmentFilter filter, @Argument Integer first, ScrollSubrange subrange,
			Access access) {
		return this.assignments.list((filter != null) ? filter : AssignmentFilter.NONE, Pages.position(subrange),
				Pages.limit(first), access);
	}

	@QueryMapping
	List<VolunteerMatcher.Suggestion> suggestVolunteers(@Argument TaskInput task, @Argument TimeWindowInput window,
			@Argument Integer first, Access access) {
		int count = Pages.limit(first).max();
		TaskInfo info = this.tasks.find(task.ref())
			.orElseThrow(() -> new NotFoundException("No " + task.kind() + " task has this id"));
		access.requireCommunity(info.communityPcode());
		TimeWindow timeWindow = null;
		if (window != null) {
			timeWindow = new TimeWindow(window.start().toInstant(), window.end().toInstant());
			if (!timeWindow.end().isAfter(timeWindow.start())) {
				throw new BadRequestException("window must end after it starts");
			}
			// Matching walks the window in steps for every candidate: bounded like an
			// offer's window.
			if (timeWindow.duration().compareTo(this.settings.maxWindow()) > 0) {
				throw new BadRequestException("window lasts at most " + this.settings.maxWindow().toDays() + " days");
			}
		}
		return this.matcher.suggest(info, timeWindow, count);
	}

	@MutationMapping
	AssignmentPayload assignVolunteer(@Argument AssignVolunteerInput input, Access access) {
		return Payloads.of(() -> this.assignments.assign(input, access), AssignmentPayload::of,
				AssignmentPayload::failed);
	}

	@MutationMapping
	AssignmentPayload respondToAssignment(@Argument RespondToAssignmentInput input, Access access) {
		return Payloads.of(() -> this.assignments.respond(input, access), AssignmentPayload::of,
				AssignmentPayload::failed);
	}

	@MutationMapping
	AssignmentPayload checkIn(@Argument CheckInInput input, Access access) {
		return Payloads.of(() -> this.assignments.checkIn(input, access), AssignmentPayload::of,
				AssignmentPayload::failed);
	}

	@MutationMapping
	AssignmentPayload completeAssignment(@Argument CompleteAssignmentInput input, Access access) {
		return Payloads.of(() -> this.assignments.complete(input, access), AssignmentPayload::of,
				AssignmentPayload::failed);
	}

	@MutationMapping
	AssignmentPayload cancelAssignment(@Argument CancelAssignmentInput input, Access access) {
		return Payloads.of(() -> this.assignments.cancel(input, access), AssignmentPayload::of,
				AssignmentPayload::failed);
	}

	/** The tasks of a page of assignments, in one query per kind of task. */
	@BatchMapping(typeName = "Assignment")
	Map<Assignment, AssignmentTask> task(List<Assignment> assignments) {
		Map<TaskRef, TaskInfo> found = this.tasks.findAll(assignments.stream().map(Assignment::taskRef).toList());
		return assignments.stream()
			.collect(Collectors.toMap(Function.identity(),
					assignment -> AssignmentTask.of(assignment.taskRef(), found.get(assignment.taskRef())),
					(first, second) -> first));
	}

	/** The volunteers of a page of assignments, in one query. */
	@BatchMapping(typeName = "Assignment")
	Map<Assignment, Volunteer> volunteer(List<Assignment> assignments) {
		Set<String> ids = assignments.stream().map(Assignment::volunteerId).collect(Collectors.toSet());
		Map<String, Volunteer> byId = this.volunteers.findAll(ids);
		return assignments.stream()
			.filter(assignment -> byId.containsKey(assignment.volunteerId()))
			.collect(Collectors.toMap(Function.identity(), assignment -> byId.get(assignment.volunteerId()),
					(first, second) -> first));
	}

	/** The assignment counts of a page of aid requests, in one query. */
	@BatchMapping(typeName = "AidRequest")
	Map<AidRequest, AssignmentService.Counts> assignmentCounts(List<AidRequest> requests) {
		Map<TaskRef, AssignmentService.Counts> counts = this.assignments
			.countsFor(requests.stream().map(request -> new TaskRef(TaskKind.AID_REQUEST, request.id())).toList());
		return requests.stream()
			.collect(Collectors.toMap(Function.identity(), request -> counts
				.getOrDefault(new TaskRef(TaskKind.AID_REQUEST, request.id()), AssignmentService.Counts.NONE),
					(first, second) -> first));
	}

	/** Shape of AssignmentTask. */
	record AssignmentTask(TaskKind kind, String id, String title, boolean open) {

		static AssignmentTask of(TaskRef ref, TaskInfo info) {
			return (info != null) ? new AssignmentTask(ref.kind(), ref.id(), info.title(), info.open())
					: new AssignmentTask(ref.kind(), ref.id(), null, false);
		}

	}

	/** Shape of AssignmentPayload. */
	record AssignmentPayload(Assignment assignment, List<UserError> userErrors) {

		static AssignmentPayload of(Assignment assignment) {
			return new AssignmentPayload(assignment, List.of());
		}

		static AssignmentPayload failed(List<UserError> errors) {
			return new AssignmentPayload(null, errors);
		}

	}

}
