package org.hromada.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bson.types.ObjectId;
import org.hromada.activity.ActivityService;
import org.hromada.assignment.AssignmentInputs.AssignVolunteerInput;
import org.hromada.assignment.AssignmentInputs.AssignmentFilter;
import org.hromada.assignment.AssignmentInputs.CancelAssignmentInput;
import org.hromada.assignment.AssignmentInputs.CheckInInput;
import org.hromada.assignment.AssignmentInputs.CompleteAssignmentInput;
import org.hromada.assignment.AssignmentInputs.RespondToAssignmentInput;
import org.hromada.graphql.Pages;
import org.hromada.graphql.UserError;
import org.hromada.graphql.UserErrorCode;
import org.hromada.graphql.UserErrorException;
import org.hromada.security.Access;
import org.hromada.security.Caller;
import org.hromada.volunteer.Vetting;
import org.hromada.volunteer.Volunteer;
import org.hromada.volunteer.VolunteerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Assignments of volunteers to tasks. An offer books the volunteer's time first
 * ({@link Schedules}: no overlap, maximum and weekly hours decided atomically on the
 * volunteer's schedule document), then stores the assignment under the id the booking
 * carries. Every later change is one conditional update of the assignment (it must still
 * be in the expected status), after which the booking is released and the task follows
 * (accepted, started, released) through its {@link TaskSource}. Each change is recorded
 * in the activity log.
 */
@Service
public class AssignmentService {

	private static final Logger log = LoggerFactory.getLogger(AssignmentService.class);

	/** Marks an ended assignment whose follow-up has not completed yet. */
	static final String FOLLOW_UP = "followUpPending";

	/** Why the system withdrew an assignment its volunteer may no longer hold. */
	static final String WITHDRAWN_BECAUSE = "withdrawnBecause";

	static final Sort SOONEST_FIRST = Sort.by(Sort.Order.asc("windowStart"), Sort.Order.asc("id"));

	private final MongoTemplate mongo;

	private final Schedules schedules;

	private final Tasks tasks;

	private final VolunteerService volunteers;

	private final AssignmentMapper mapper;

	private final ActivityService activities;

	private final AssignmentSettings settings;

	private final Clock clock;

	AssignmentService(MongoTemplate mongo, Schedules schedules, Tasks tasks, VolunteerService volunteers,
			AssignmentMapper mapper, ActivityService activities, AssignmentSettings settings, Clock clock) {
		this.mongo = mongo;
		this.schedules = schedules;
		this.tasks = tasks;
		this.volunteers = volunteers;
		this.mapper = mapper;
		this.activities = activities;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The assignments of each task, in one query, leaving out tasks of communities a
	 * community-scoped caller does not serve; for other features' nested fields
	 * (Milestone.assignments).
	 */
	public Map<TaskRef, List<Assignment>> forTasks(Collection<TaskRef> refs, Access access) {
		if (refs.isEmpty()) {
			return Map.of();
		}
		List<Criteria> byTask = refs.stream()
			.map(ref -> Criteria.where("taskKind").is(ref.kind()).and("taskId").is(ref.id()))
			.toList();
		List<Criteria> conditions = new ArrayList<>();
		conditions.add(new Criteria().orOperator(byTask));
		Criteria scope = access.communityCriteria("communityPcode");
		if (scope != null) {
			conditions.add(scope);
		}
		Query query = new Query(new Criteria().andOperator(conditions)).with(SOONEST_FIRST);
		Map<TaskRef, List<Assignment>> found = new HashMap<>();
		this.mongo.find(query, AssignmentDocument.class)
			.forEach(document -> found.computeIfAbsent(document.task(), ref -> new ArrayList<>())
				.add(this.mapper.toApi(document)));
		return found;
	}

	/** How many assignments each task has, by what they mean for it, in one query. */
	public Map<TaskRef, Counts> countsFor(Collection<TaskRef> refs) {
		Map<TaskRef, Counts> counts = new HashMap<>();
		if (refs.isEmpty()) {
			return counts;
		}
		Map<TaskKind, Set<String>> byKind = refs.stream()
			.collect(Collectors.groupingBy(TaskRef::kind, Collectors.mapping(TaskRef::id, Collectors.toSet())));
		List<Criteria> byTask = byKind.entrySet()
			.stream()
			.map(entry -> Criteria.where("taskKind").is(entry.getKey()).and("taskId").in(entry.getValue()))
			.toList();
		Query query = new Query(new Criteria().orOperator(byTask));
		query.fields().include("taskKind", "taskId", "status");
		for (AssignmentDocument document : this.mongo.find(query, AssignmentDocument.class)) {
			Counts current = counts.getOrDefault(document.task(), Counts.NONE);
			counts.put(document.task(), current.plus(document.getStatus()));
		}
		return counts;
	}

	/**
	 * Counts of a task's assignments.
	 *
	 * @param offered offered, not answered yet
	 * @param active accepted or in progress
	 * @param completed completed
	 */
	public record Counts(int offered, int active, int completed) {

		public static final Counts NONE = new Counts(0, 0, 0);

		Counts plus(AssignmentStatus status) {
			return switch (status) {
				case OFFERED -> new Counts(this.offered + 1, this.active, this.completed);
				case ACCEPTED, IN_PROGRESS -> new Counts(this.offered, this.active + 1, this.completed);
				case COMPLETED -> new Counts(this.offered, this.active, this.completed + 1);
				default -> this;
			};
		}

	}

	Assignment assign(AssignVolunteerInput input, Access access) {
		Instant now = this.clock.instant();
		if (input.task() == null || input.task().kind() == null || input.task().id() == null) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID, "task is required", "input", "task"));
		}
		TaskInfo task = this.tasks.find(input.task().ref())
			.orElseThrow(() -> new UserErrorException(UserError.of(UserErrorCode.NOT_FOUND,
					"No " + input.task().kind() + " task has this id", "input", "task", "id")));
		// Scope first: callers learn nothing about tasks of communities they do not
		// serve.
		access.requireCommunity(task.communityPcode());
		TimeWindow window = validWindow(input, now);
		if (input.description() != null && input.description().length() > 2000) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
					"description must be at most 2,000 characters", "input", "description"));
		}
		if (!task.open()) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID_TRANSITION,
					"The task does not take volunteers in its current state (an aid request must be triaged and open)",
					"input", "task", "id"));
		}
		Volunteer volunteer = this.volunteers.find(input.volunteerId())
			.filter(found -> found.communities().contains(task.communityPcode()))
			.orElseThrow(() -> new UserErrorException(UserError.of(UserErrorCode.NOT_FOUND,
					"No volunteer of the task's community has this id", "input", "volunteerId")));
		requireAssignable(volunteer, task, "input", "volunteerId");
		String id = new ObjectId().toHexString();
		this.schedules.book(volunteer, id, window, access, "input", "window");
		AssignmentDocument document = new AssignmentDocument();
		document.setId(id);
		document.setTaskKind(task.ref().kind());
		document.setTaskId(task.ref().id());
		document.setSector(task.sector());
		document.setVolunteerId(volunteer.id());
		document.setCommunityPcode(task.communityPcode());
		document.setWindowStart(window.start());
		document.setWindowEnd(window.end());
		document.setDescription(
				(input.description() != null && !input.description().isBlank()) ? input.description().strip() : null);
		document.setAssignedBy(access.caller().id());
		document.setStatus(AssignmentStatus.OFFERED);
		Instant checkInDeadline = window.start().plus(this.settings.checkInGrace());
		Instant offerDeadline = now.plus(this.settings.offerTtl());
		document.setCheckInDeadline(checkInDeadline);
		document.setOfferDeadline(offerDeadline.isBefore(checkInDeadline) ? offerDeadline : checkInDeadline);
		// No release when the insert fails: it may have been applied all the same (a
		// timeout after the write), and releasing would leave a stored offer without its
		// booking. Schedules.reconciled drops the booking if the assignment never appears
		// within the booking grace, and keeps it if it does.
		AssignmentDocument saved = this.mongo.insert(document);
		record(access.caller(), saved, "assignment.offered",
				"Volunteer offered " + task.ref().kind() + " task from " + window.start() + " to " + window.end());
		return this.mapper.toApi(saved);
	}

	Assignment respond(RespondToAssignmentInput input, Access access) {
		AssignmentDocument current = load(input.id(), access, false);
		boolean accept = Boolean.TRUE.equals(input.accept());
		String reason = (input.reason() != null && !input.reason().isBlank()) ? input.reason().strip() : null;
		if (reason != null && reason.length() > 500) {
			throw new UserErrorException(
					UserError.of(UserErrorCode.INVALID, "reason must be at most 500 characters", "input", "reason"));
		}
		if (!accept && reason == null && this.settings.declineReasonRequired()) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
					"Say why you decline, in 1 to 500 characters", "input", "reason"));
		}
		Instant now = this.clock.instant();
		if (accept) {
			requireStillAssignable(current, "accept");
		}
		// The task follows in the follow-up, marked pending in the same update: once the
		// assignment is accepted the acceptance stands, and the task catches up.
		Update update = new Update().set("status", accept ? AssignmentStatus.ACCEPTED : AssignmentStatus.DECLINED)
			.set("respondedAt", now)
			.set("note", reason)
			.set(FOLLOW_UP, true);
		AssignmentDocument changed = transition(current, EnumSet.of(AssignmentStatus.OFFERED),
				Criteria.where("offerDeadline").gt(now), update, access.caller(), accept ? "accept" : "decline");
		followUpNow(changed, access.caller());
		return this.mapper.toApi(changed);
	}

	Assignment checkIn(CheckInInput input, Access access) {
		AssignmentDocument current = load(input.id(), access, false);
		Instant now = this.clock.instant();
		requireStillAssignable(current, "check in");
		AssignmentDocument changed = transition(current, EnumSet.of(AssignmentStatus.ACCEPTED),
				Criteria.where("checkInDeadline").gt(now),
				new Update().set("status", AssignmentStatus.IN_PROGRESS).set("checkedInAt", now).set(FOLLOW_UP, true),
				access.caller(), "check in");
		followUpNow(changed, access.caller());
		return this.mapper.toApi(changed);
	}

	Assignment complete(CompleteAssignmentInput input, Access access) {
		AssignmentDocument current = load(input.id(), access, false);
		long days = Math.max(1, (current.window().duration().toHours() + 23) / 24);
		if (input.hoursWorked() == null || !(input.hoursWorked() > 0) || input.hoursWorked() > 24.0 * days) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
					"hoursWorked must be more than 0 and at most " + (24 * days) + " for this window", "input",
					"hoursWorked"));
		}
		if (input.note() != null && input.note().length() > 2000) {
			throw new UserErrorException(
					UserError.of(UserErrorCode.INVALID, "note must be at most 2,000 characters", "input", "note"));
		}
		Instant now = this.clock.instant();
		AssignmentDocument changed = transition(current, EnumSet.of(AssignmentStatus.IN_PROGRESS), null,
				new Update().set("status", AssignmentStatus.COMPLETED)
					.set("endedAt", now)
					.set("hoursWorked", input.hoursWorked())
					.set("note", (input.note() != null && !input.note().isBlank()) ? input.note().strip() : null)
					.set(FOLLOW_UP, true),
				access.caller(), "complete");
		followUpNow(changed, access.caller());
		return this.mapper.toApi(changed);
	}

	Assignment cancel(CancelAssignmentInput input, Access access) {
		AssignmentDocument current = load(input.id(), access, true);
		if (input.reason() == null || input.reason().isBlank() || input.reason().strip().length() > 500) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
					"A cancellation needs a reason of 1 to 500 characters", "input", "reason"));
		}
		AssignmentDocument changed = transition(current, AssignmentStatus.ACTIVE, null,
				new Update().set("status", AssignmentStatus.CANCELLED)
					.set("endedAt", this.clock.instant())
					.set("note", input.reason().strip())
					.set(FOLLOW_UP, true),
				access.caller(), "cancel");
		followUpNow(changed, access.caller());
		return this.mapper.toApi(changed);
	}

	/**
	 * Cancels every active assignment of a task that was closed (an aid request
	 * fulfilled, closed, cancelled or marked duplicate, a milestone completed, a project
	 * closed), work in progress included: the bookings are freed and the contact hidden
	 * again. Returns how many it cancelled.
	 */
	int cancelAllOf(TaskRef task, Caller by, String reason) {
		int cancelled = 0;
		for (AssignmentDocument found : activeOf(ofTask(task))) {
			if (endIf(Criteria.where("status").in(AssignmentStatus.ACTIVE), found.getId(), AssignmentStatus.CANCELLED,
					new Update().set("note", reason), by)) {
				cancelled++;
			}
		}
		return cancelled;
	}

	/**
	 * Withdraws the active assignments matching the condition (a volunteer's, a task's)
	 * that assigning would refuse now: every one of a volunteer no longer vetted for the
	 * task's sector as it is now (the contact of a person at risk must not stay visible
	 * to them), and the offers and accepted assignments of an INACTIVE volunteer (work
	 * they already started stays theirs to complete). Each is cancelled with the reason
	 * in its note and followed up (booking freed, contact hidden, task released), and
	 * logged as assignment.withdrawn. Returns how many it withdrew.
	 */
	int withdrawIneligible(Criteria which, Caller by) {
		List<AssignmentDocument> active = activeOf(which);
		if (active.isEmpty()) {
			return 0;
		}
		Map<String, Volunteer> volunteersById = this.volunteers
			.findAll(active.stream().map(AssignmentDocument::getVolunteerId).collect(Collectors.toSet()));
		Map<TaskRef, TaskInfo> tasksByRef = this.tasks.findAll(active.stream().map(AssignmentDocument::task).toList());
		int withdrawn = 0;
		for (AssignmentDocument found : active) {
			Volunteer volunteer = volunteersById.get(found.getVolunteerId());
			TaskInfo task = tasksByRef.get(found.task());
			if (volunteer == null || task == null) {
				continue;
			}
			Set<AssignmentStatus> from;
			String reason;
			if (!vettedFor(volunteer, task)) {
				from = AssignmentStatus.ACTIVE;
				reason = "tasks of sector " + task.sector() + " need a VETTED volunteer";
			}
			else if (!volunteer.active()) {
				from = EnumSet.of(AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED);
				reason = "the volunteer is INACTIVE";
			}
			else {
				continue;
			}
			if (endIf(Criteria.where("status").in(from), found.getId(), AssignmentStatus.CANCELLED,
					new Update().set("note", "Withdrawn: " + reason).set(WITHDRAWN_BECAUSE, reason), by)) {
				withdrawn++;
			}
		}
		return withdrawn;
	}

	/**
	 * Expires one due assignment, if it is still due (an offer not answered, an accepted
	 * assignment not checked in, one in progress not completed, each in time): the
	 * conditional update lets exactly one of several replicas' expiry jobs win; the
	 * winner frees the volunteer and the task and logs the expiry once.
	 */
	boolean expire(String id, Instant now) {
		Criteria due = new Criteria().orOperator(
				Criteria.where("status").is(AssignmentStatus.OFFERED).and("offerDeadline").lte(now),
				Criteria.where("status").is(AssignmentStatus.ACCEPTED).and("checkInDeadline").lte(now),
				overdueInProgress(now));
		return endIf(due, id, AssignmentStatus.EXPIRED, new Update(), Caller.SYSTEM);
	}

	/**
	 * Checked in, but not completed by window end plus the grace: the work is taken as
	 * not done, so that a forgotten assignment neither holds the volunteer's time nor
	 * keeps the task's contact visible to them.
	 */
	private Criteria overdueInProgress(Instant now) {
		return Criteria.where("status")
			.is(AssignmentStatus.IN_PROGRESS)
			.and("windowEnd")
			.lte(now.minus(this.settings.inProgressGrace()));
	}

	private static Criteria ofTask(TaskRef task) {
		return Criteria.where("taskKind").is(task.kind()).and("taskId").is(task.id());
	}

	/** The active assignments matching the condition: ids, volunteer, task and status. */
	private List<AssignmentDocument> activeOf(Criteria which) {
		Query query = new Query(
				new Criteria().andOperator(which, Criteria.where("status").in(AssignmentStatus.ACTIVE)));
		query.fields().include("id", "volunteerId", "taskKind", "taskId", "status");
		return this.mongo.find(query, AssignmentDocument.class);
	}

	/**
	 * Ends the assignment with one conditional update, if it still meets the condition,
	 * and follows up (the follow-up reads it as the end left it); false when it no longer
	 * met the condition (another change won).
	 */
	private boolean endIf(Criteria condition, String id, AssignmentStatus to, Update update, Caller by) {
		Instant now = this.clock.instant();
		Query query = new Query(new Criteria().andOperator(Criteria.where("id").is(id), condition));
		AssignmentDocument before = this.mongo.findAndModify(query,
				update.set("status", to)
					.set("endedAt", now)
					.set(FOLLOW_UP, true)
					.set("updatedAt", now)
					.set("updatedBy", by.id())
					.inc("version", 1),
				FindAndModifyOptions.options().returnNew(false), AssignmentDocument.class);
		if (before == null) {
			return false;
		}
		AssignmentDocument ended = this.mongo.findById(id, AssignmentDocument.class);
		if (ended != null) {
			followUpNow(ended, by);
		}
		return true;
	}

	/**
	 * Ids of assignments whose follow-up (tying the volunteer to the task after an
	 * acceptance or check-in; freeing the booking and the task after an end; logging) was
	 * interrupted, last changed before the given instant: at most a batch.
	 */
	List<String> pendingFollowUps(Instant changedBefore, int batch, Criteria scope) {
		Query query = Query.query(scoped(Criteria.where(FOLLOW_UP).is(true).and("updatedAt").lte(changedBefore), scope))
			.with(Sort.by("updatedAt"))
			.limit(batch);
		query.fields().include("id");
		return this.mongo.find(query, AssignmentDocument.class).stream().map(AssignmentDocument::getId).toList();
	}

	/** Completes an interrupted follow-up; false when there was none left to do. */
	boolean completeFollowUp(String id) {
		AssignmentDocument document = this.mongo.findById(id, AssignmentDocument.class);
		if (document == null || !Boolean.TRUE.equals(document.getFollowUpPending())
				|| document.getStatus() == AssignmentStatus.OFFERED) {
			return false;
		}
		followUp(document, Caller.SYSTEM);
		return true;
	}

	/** Ids of assignments due to expire at the given instant, at most a batch. */
	List<String> due(Instant now, int batch, Criteria scope) {
		Query offers = Query
			.query(scoped(Criteria.where("status").is(AssignmentStatus.OFFERED).and("offerDeadline").lte(now), scope))
			.with(Sort.by("offerDeadline"))
			.limit(batch);
		Query accepted = Query
			.query(scoped(Criteria.where("status").is(AssignmentStatus.ACCEPTED).and("checkInDeadline").lte(now),
					scope))
			.with(Sort.by("checkInDeadline"))
			.limit(batch);
		Query overdue = Query.query(scoped(overdueInProgress(now), scope)).with(Sort.by("windowEnd")).limit(batch);
		return Stream.of(offers, accepted, overdue).flatMap(query -> {
			query.fields().include("id");
			return this.mongo.find(query, AssignmentDocument.class).stream();
		}).map(AssignmentDocument::getId).toList();
	}

	private static Criteria scoped(Criteria criteria, Criteria scope) {
		return (scope != null) ? new Criteria().andOperator(criteria, scope) : criteria;
	}

	Window<Assignment> mine(List<AssignmentStatus> statuses, ScrollPosition position, Limit limit, Access access) {
		List<Criteria> conditions = new ArrayList<>();
		conditions.add(Criteria.where("volunteerId").is(access.caller().id()));
		if (statuses != null && !statuses.isEmpty()) {
			conditions.add(Criteria.where("status").in(statuses));
		}
		return page(conditions, position, limit);
	}

	Window<Assignment> list(AssignmentFilter filter, ScrollPosition position, Limit limit, Access access) {
		List<Criteria> conditions = new ArrayList<>();
		Criteria scope = access.communityCriteria("communityPcode");
		if (scope != null) {
			conditions.add(scope);
		}
		if (filter.community() != null) {
			conditions.add(Criteria.where("communityPcode").is(filter.community()));
		}
		if (filter.volunteerId() != null) {
			conditions.add(Criteria.where("volunteerId").is(filter.volunteerId()));
		}
		if (filter.task() != null) {
			conditions.add(Criteria.where("taskKind").is(filter.task().kind()).and("taskId").is(filter.task().id()));
		}
		if (filter.statuses() != null && !filter.statuses().isEmpty()) {
			conditions.add(Criteria.where("status").in(filter.statuses()));
		}
		return page(conditions, position, limit);
	}

	private Window<Assignment> page(List<Criteria> conditions, ScrollPosition position, Limit limit) {
		Query query = conditions.isEmpty() ? new Query() : new Query(new Criteria().andOperator(conditions));
		query.with(SOONEST_FIRST).with(Pages.requireKeysOf(position, SOONEST_FIRST)).limit(limit);
		return this.mongo.scroll(query, AssignmentDocument.class).map(this.mapper::toApi);
	}

	/**
	 * Refuses an inactive volunteer, or an unvetted one for a sector that needs vetting.
	 */
	void requireAssignable(Volunteer volunteer, TaskInfo task, String... errorPath) {
		String refusal = whyNotAssignable(volunteer, task);
		if (refusal != null) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
					Character.toUpperCase(refusal.charAt(0)) + refusal.substring(1), errorPath));
		}
	}

	/**
	 * Why the volunteer may not be assigned to the task (inactive, not vetted for its
	 * sector); null when they may.
	 */
	private String whyNotAssignable(Volunteer volunteer, TaskInfo task) {
		if (!volunteer.active()) {
			return "the volunteer is INACTIVE and takes no assignments";
		}
		if (!vettedFor(volunteer, task)) {
			return "tasks of sector " + task.sector() + " need a VETTED volunteer; this volunteer is "
					+ volunteer.vetting();
		}
		return null;
	}

	/** Whether the volunteer may work on a task of the sector (vetting). */
	boolean vettedFor(Volunteer volunteer, TaskInfo task) {
		return !this.settings.needsVetting(task.sector()) || volunteer.vetting() == Vetting.VETTED;
	}

	/**
	 * The follow-up of a change the caller has just stored: the change stands whatever
	 * becomes of its follow-up. A task that keeps changing under it (the retries of its
	 * optimistic lock exhausted) leaves the follow-up marked, and the expiry job
	 * completes it; the caller is told what was stored, not a conflict.
	 */
	private void followUpNow(AssignmentDocument assignment, Caller by) {
		try {
			followUp(assignment, by);
		}
		catch (OptimisticLockingFailureException ex) {
			log.warn("Follow-up of assignment {} ({}) left to the expiry job: its task keeps changing",
					assignment.getId(), assignment.getStatus());
		}
	}

	/**
	 * What follows an assignment's change of status. After an acceptance or a check-in:
	 * the task ties the volunteer to it (an aid request shows them its contact and
	 * becomes ASSIGNED, then IN_PROGRESS), undone at once if the assignment ended
	 * meanwhile (an end that landed before the tie found nothing to untie). After an end
	 * (declined, cancelled, expired, completed): frees the volunteer's time, unties them
	 * from the task unless another of their committed assignments keeps them on it,
	 * releases the task when no committed volunteer is left and nobody completed work on
	 * it (the coordinator closes a task with completed work). Then logs the change once
	 * and clears the pending mark if the status is still the one followed up (a later
	 * change has its own). Every step is idempotent, so an interrupted follow-up is
	 * completed by running it again (the expiry job does, for every assignment still
	 * marked).
	 */
	private void followUp(AssignmentDocument assignment, Caller by) {
		AssignmentStatus status = assignment.getStatus();
		if (AssignmentStatus.COMMITTED.contains(status)) {
			tie(assignment, by);
			AssignmentDocument after = this.mongo.findById(assignment.getId(), AssignmentDocument.class);
			if (after != null && !after.getStatus().isActive()) {
				cleanUp(after, by);
			}
		}
		else {
			cleanUp(assignment, by);
		}
		String change = (assignment.getWithdrawnBecause() != null) ? "withdrawn"
				: (status == AssignmentStatus.IN_PROGRESS) ? "started" : status.name().toLowerCase();
		this.activities.recordOnce("assignment:" + assignment.getId() + ":" + status.name().toLowerCase(), by,
				"assignment." + change, "Assignment", assignment.getId(), assignment.getCommunityPcode(),
				summary(assignment));
		this.mongo.updateFirst(
				Query.query(
						Criteria.where("id").is(assignment.getId()).and(FOLLOW_UP).is(true).and("status").is(status)),
				new Update().unset(FOLLOW_UP), AssignmentDocument.class);
	}

	/** Tells the task that the volunteer is on it, and has started when checked in. */
	private void tie(AssignmentDocument assignment, Caller by) {
		this.tasks.source(assignment.getTaskKind()).ifPresent(source -> {
			source.accepted(assignment.getTaskId(), assignment.getVolunteerId(), by);
			if (assignment.getStatus() == AssignmentStatus.IN_PROGRESS) {
				source.started(assignment.getTaskId(), assignment.getVolunteerId(), by);
			}
		});
	}

	/**
	 * The idempotent part of the follow-up of an assignment that is no longer committed.
	 */
	private void cleanUp(AssignmentDocument assignment, Caller by) {
		this.schedules.release(assignment.getVolunteerId(), assignment.getId());
		this.tasks.source(assignment.getTaskKind()).ifPresent(source -> {
			Criteria ofTask = Criteria.where("taskKind")
				.is(assignment.getTaskKind())
				.and("taskId")
				.is(assignment.getTaskId())
				.and("status")
				.in(AssignmentStatus.COMMITTED);
			boolean stillOnTask = this.mongo.exists(
					Query.query(Criteria.where("volunteerId").is(assignment.getVolunteerId()).andOperator(ofTask)),
					AssignmentDocument.class);
			if (!stillOnTask) {
				source.unassigned(assignment.getTaskId(), assignment.getVolunteerId(), by);
			}
			// Completed work keeps the task where it is (an aid request IN_PROGRESS, to
			// be
			// marked FULFILLED), whatever later offers come to.
			if (assignment.getStatus() != AssignmentStatus.COMPLETED
					&& !this.mongo.exists(Query.query(ofTask), AssignmentDocument.class)
					&& !hasCompletedWork(assignment.task())) {
				source.released(assignment.getTaskId(), by);
			}
		});
	}

	private boolean hasCompletedWork(TaskRef task) {
		return this.mongo.exists(Query.query(Criteria.where("taskKind")
			.is(task.kind())
			.and("taskId")
			.is(task.id())
			.and("status")
			.is(AssignmentStatus.COMPLETED)), AssignmentDocument.class);
	}

	private static String summary(AssignmentDocument assignment) {
		return switch (assignment.getStatus()) {
			case ACCEPTED -> "Assignment accepted";
			case IN_PROGRESS -> "Volunteer checked in";
			case DECLINED -> "Assignment declined";
			case CANCELLED -> (assignment.getWithdrawnBecause() != null)
					? "Assignment withdrawn: " + assignment.getWithdrawnBecause() : "Assignment cancelled";
			case COMPLETED -> "Assignment completed, " + assignment.getHoursWorked() + " hours";
			case EXPIRED -> (assignment.getRespondedAt() == null) ? "Offer expired: not answered in time"
					: (assignment.getCheckedInAt() != null)
							? "Assignment expired incomplete: checked in, not completed by window end plus grace"
							: "Assignment expired: not checked in by window start plus grace";
			default -> "Assignment " + assignment.getStatus();
		};
	}

	/**
	 * Refuses to go on with work that assigning would refuse now: on a task that no
	 * longer takes it (a need cancelled, a milestone completed), or by a volunteer who is
	 * INACTIVE or not vetted for the task's sector as it is now. Such work is withdrawn
	 * when the change happens; this holds even if that withdrawal was lost.
	 */
	private void requireStillAssignable(AssignmentDocument assignment, String verb) {
		TaskInfo task = this.tasks.find(assignment.task()).filter(TaskInfo::open).orElse(null);
		if (task == null) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID_TRANSITION,
					"Cannot " + verb + ": the task no longer takes volunteers (it was closed)", "input", "id"));
		}
		Volunteer volunteer = this.volunteers.find(assignment.getVolunteerId()).orElse(null);
		String refusal = (volunteer != null) ? whyNotAssignable(volunteer, task) : "the volunteer has no profile";
		if (refusal != null) {
			throw new UserErrorException(
					UserError.of(UserErrorCode.INVALID, "Cannot " + verb + ": " + refusal, "input", "id"));
		}
	}

	private TimeWindow validWindow(AssignVolunteerInput input, Instant now) {
		if (input.window() == null || input.window().start() == null || input.window().end() == null) {
			throw new UserErrorException(
					UserError.of(UserErrorCode.INVALID, "window needs a start and an end", "input", "window"));
		}
		TimeWindow window = new TimeWindow(input.window().start().toInstant(), input.window().end().toInstant());
		if (!window.end().isAfter(window.start())) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID, "The window must end after it starts",
					"input", "window", "end"));
		}
		if (!window.start().isAfter(now)) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID, "The window must start in the future",
					"input", "window", "start"));
		}
		if (window.duration().compareTo(this.settings.maxWindow()) > 0) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
					"A window lasts at most " + this.settings.maxWindow().toDays() + " days", "input", "window",
					"end"));
		}
		return window;
	}

	/**
	 * The assignment, if the caller may act on it: its volunteer (own-records rules) or a
	 * coordinator of its community (community rules).
	 */
	private AssignmentDocument load(String id, Access access, boolean byCommunity) {
		AssignmentDocument document = (id != null) ? this.mongo.findById(id, AssignmentDocument.class) : null;
		if (document == null) {
			throw new UserErrorException(
					UserError.of(UserErrorCode.NOT_FOUND, "No assignment has this id", "input", "id"));
		}
		if (byCommunity) {
			access.requireCommunity(document.getCommunityPcode());
		}
		else {
			access.requireSelf(document.getVolunteerId(), document.getCommunityPcode());
		}
		return document;
	}

	/**
	 * Applies a status change if the assignment is still in one of the expected statuses
	 * (and meets the extra condition); otherwise says why not, from its current state.
	 */
	private AssignmentDocument transition(AssignmentDocument current, Set<AssignmentStatus> from, Criteria extra,
			Update update, Caller caller, String verb) {
		Criteria condition = Criteria.where("id").is(current.getId()).and("status").in(from);
		Query query = new Query((extra != null) ? new Criteria().andOperator(condition, extra) : condition);
		AssignmentDocument changed = this.mongo.findAndModify(query,
				update.set("updatedAt", this.clock.instant()).set("updatedBy", caller.id()).inc("version", 1),
				FindAndModifyOptions.options().returnNew(true), AssignmentDocument.class);
		if (changed != null) {
			return changed;
		}
		AssignmentDocument now = this.mongo.findById(current.getId(), AssignmentDocument.class);
		AssignmentStatus status = (now != null) ? now.getStatus() : current.getStatus();
		String message = from.contains(status)
				? "Too late to " + verb + ": the deadline passed and the assignment is expiring"
				: "A " + status + " assignment cannot " + verb + "; it must be " + from;
		throw new UserErrorException(UserError.of(UserErrorCode.INVALID_TRANSITION, message, "input", "id"));
	}

	private void record(Caller caller, AssignmentDocument assignment, String action, String summary) {
		this.activities.record(caller, action, "Assignment", assignment.getId(), assignment.getCommunityPcode(),
				summary);
	}

}
