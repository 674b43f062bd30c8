package org.hromada.assignment;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.hromada.graphql.UserError;
import org.hromada.graphql.UserErrorCode;
import org.hromada.graphql.UserErrorException;
import org.hromada.security.Access;
import org.hromada.security.AccessScope;
import org.hromada.volunteer.Volunteer;
import org.hromada.volunteer.VolunteerService;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Volunteers' schedules: the one place that decides whether a volunteer can take a
 * window, without multi-document transactions. A booking reads the volunteer's schedule
 * document, checks the rules on it in Java (no overlap with an active booking, fewer
 * active bookings than the volunteer's maximum, planned hours per ISO week within the
 * cap) and writes it back conditional on the version it read (compare-and-set); a
 * concurrent booking that committed first makes the write fail, and the attempt starts
 * over on the new schedule, where the rules now see the other booking. The booking is
 * made before the assignment document is stored and carries its id: a booking whose
 * assignment never appeared after {@code bookingGrace} (a crash between the two writes),
 * or whose assignment is no longer active (a crash before its release), is dropped the
 * next time the schedule is written.
 */
@Component
class Schedules {

	private static final int ATTEMPTS = 50;

	private final MongoTemplate mongo;

	private final AssignmentSettings settings;

	private final Clock clock;

	private final VolunteerService volunteers;

	Schedules(MongoTemplate mongo, AssignmentSettings settings, Clock clock, VolunteerService volunteers) {
		this.volunteers = volunteers;
		this.mongo = mongo;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Books the window for the assignment, or refuses with CONFLICT (overlap) or
	 * OVER_CAPACITY (maximum of active assignments, weekly hours), saying why.
	 */
	void book(Volunteer volunteer, String assignmentId, TimeWindow window, Access access, String... errorPath) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			ScheduleDocument schedule = load(volunteer.id());
			List<Booking> active = reconciled(schedule.getBookings());
			List<UserError> refusals = refusals(volunteer, active, window, (booking) -> reaches(access, booking),
					errorPath);
			if (!refusals.isEmpty()) {
				throw new UserErrorException(refusals);
			}
			active.add(new Booking(assignmentId, window.start(), window.end(), this.clock.instant()));
			schedule.setBookings(active);
			if (write(schedule)) {
				return;
			}
		}
		throw new UserErrorException(UserError.of(UserErrorCode.CONFLICT,
				"The volunteer's schedule is changing too quickly; try again", errorPath));
	}

	/** Removes the assignment's booking, if any. */
	void release(String volunteerId, String assignmentId) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			ScheduleDocument schedule = this.mongo.findById(volunteerId, ScheduleDocument.class);
			if (schedule == null
					|| schedule.getBookings().stream().noneMatch(b -> b.assignmentId().equals(assignmentId))) {
				return;
			}
			List<Booking> kept = new ArrayList<>(schedule.getBookings());
			kept.removeIf(b -> b.assignmentId().equals(assignmentId));
			schedule.setBookings(kept);
			if (write(schedule)) {
				return;
			}
		}
		// Left for the reconciliation of the next booking: the assignment is no longer
		// active.
	}

	/** The active bookings of each volunteer, in one query. */
	Map<String, List<Booking>> bookingsOf(Collection<String> volunteerIds) {
		if (volunteerIds.isEmpty()) {
			return Map.of();
		}
		return this.mongo.find(Query.query(Criteria.where("id").in(volunteerIds)), ScheduleDocument.class)
			.stream()
			.collect(Collectors.toMap(ScheduleDocument::getId, ScheduleDocument::getBookings));
	}

	/**
	 * Why the volunteer cannot take the window beside their active bookings; empty when
	 * they can.
	 */
	List<UserError> refusals(Volunteer volunteer, List<Booking> active, TimeWindow window, Predicate<Booking> detailed,
			String... errorPath) {
		List<UserError> refusals = new ArrayList<>();
		for (Booking booking : active) {
			if (booking.window().overlaps(window)) {
				// The other booking's window and id only for a caller who may see it: a
				// volunteer serving two communities must not tell one community's
				// coordinators about the other's work.
				refusals.add(UserError.of(UserErrorCode.CONFLICT,
						detailed.test(booking)
								? "The volunteer is already booked from " + booking.start() + " to " + booking.end()
										+ " (assignment " + booking.assignmentId() + "), which overlaps this window"
								: "The volunteer is already booked at a time that overlaps this window",
						errorPath));
				return refusals;
			}
		}
		int max = this.volunteers.maxActiveAssignments(volunteer);
		if (active.size() >= max) {
			refusals.add(UserError.of(UserErrorCode.OVER_CAPACITY,
					"The volunteer already has " + active.size() + " active assignments, their maximum is " + max,
					errorPath));
			return refusals;
		}
		if (volunteer.weeklyHoursCap() != null) {
			Map<String, Duration> weeks = new TreeMap<>();
			active.forEach(booking -> add(weeks, booking.window()));
			Map<String, Duration> added = new TreeMap<>();
			add(added, window);
			for (Map.Entry<String, Duration> week : added.entrySet()) {
				Duration total = weeks.getOrDefault(week.getKey(), Duration.ZERO).plus(week.getValue());
				if (total.compareTo(Duration.ofHours(volunteer.weeklyHoursCap())) > 0) {
					refusals.add(UserError.of(UserErrorCode.OVER_CAPACITY,
							"The week of " + week.getKey() + " would hold " + hours(total)
									+ " planned hours, over the volunteer's cap of " + volunteer.weeklyHoursCap(),
							errorPath));
					return refusals;
				}
			}
		}
		return refusals;
	}

	/**
	 * The window's time per ISO week (UTC), keyed by the Monday that starts the week.
	 */
	static void add(Map<String, Duration> weeks, TimeWindow window) {
		Instant cursor = window.start();
		while (cursor.isBefore(window.end())) {
			LocalDate monday = cursor.atOffset(ZoneOffset.UTC)
				.toLocalDate()
				.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			Instant nextWeek = monday.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
			Instant until = nextWeek.isBefore(window.end()) ? nextWeek : window.end();
			weeks.merge(DateTimeFormatter.ISO_LOCAL_DATE.format(monday), Duration.between(cursor, until),
					Duration::plus);
			cursor = until;
		}
	}

	/**
	 * The bookings that still hold time: drops those whose assignment is no longer
	 * active, and those whose assignment never appeared within the grace.
	 */
	List<Booking> reconciled(List<Booking> bookings) {
		if (bookings.isEmpty()) {
			return new ArrayList<>();
		}
		Set<String> ids = bookings.stream().map(Booking::assignmentId).collect(Collectors.toSet());
		Query query = Query.query(Criteria.where("id").in(ids));
		query.fields().include("status");
		Map<String, AssignmentStatus> statuses = new HashMap<>();
		this.mongo.find(query, AssignmentDocument.class)
			.forEach(assignment -> statuses.put(assignment.getId(), assignment.getStatus()));
		Instant graceStart = this.clock.instant().minus(this.settings.bookingGrace());
		List<Booking> kept = new ArrayList<>();
		for (Booking booking : bookings) {
			AssignmentStatus status = statuses.get(booking.assignmentId());
			boolean pending = status == null && booking.bookedAt().isAfter(graceStart);
			if (pending || (status != null && status.isActive())) {
				kept.add(booking);
			}
		}
		return kept;
	}

	/** Whether the caller may see the booked assignment (its community is theirs). */
	private boolean reaches(Access access, Booking booking) {
		if (access.scope() != AccessScope.OWN_COMMUNITIES) {
			return true;
		}
		Query query = Query.query(Criteria.where("id").is(booking.assignmentId()));
		query.fields().include("communityPcode");
		AssignmentDocument assignment = this.mongo.findOne(query, AssignmentDocument.class);
		return assignment != null && access.caller().serves(assignment.getCommunityPcode());
	}

	private ScheduleDocument load(String volunteerId) {
		ScheduleDocument schedule = this.mongo.findById(volunteerId, ScheduleDocument.class);
		if (schedule == null) {
			schedule = new ScheduleDocument();
			schedule.setId(volunteerId);
		}
		return schedule;
	}

	/** Writes the schedule if nobody wrote it since it was read. */
	private boolean write(ScheduleDocument schedule) {
		try {
			if (schedule.getVersion() == null) {
				this.mongo.insert(schedule);
			}
			else {
				this.mongo.save(schedule);
			}
			return true;
		}
		catch (OptimisticLockingFailureException | DuplicateKeyException ex) {
			return false;
		}
	}

	private static String hours(Duration duration) {
		return String.valueOf(Math.round(duration.toMinutes() / 6.0) / 10.0);
	}

}
