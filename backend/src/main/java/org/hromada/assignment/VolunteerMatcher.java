package org.hromada.assignment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hromada.aid.Sector;
import org.hromada.graphql.GeoPoint;
import org.hromada.store.GeoCells;
import org.hromada.volunteer.Skill;
import org.hromada.volunteer.Vetting;
import org.hromada.volunteer.Volunteer;
import org.hromada.volunteer.VolunteerService;
import org.hromada.volunteer.WeeklyWindow;

import org.springframework.stereotype.Component;

/**
 * Ranks the volunteers of a task's community for the task. Volunteers who cannot be
 * assigned are left out first (inactive, not vetted for a sector that needs it, and for a
 * given window: busy then, at their maximum, or over their weekly hours, by the same
 * rules as an offer); the others are scored by weighted factors, each explained:
 * SKILL_FIT (3), AVAILABILITY (2), DISTANCE (1.5), LANGUAGE (1), LOAD (1), VETTING (0.5).
 * Candidates come from one indexed query (community and status) and their schedules from
 * one more.
 */
@Component
class VolunteerMatcher {

	private static final Map<Sector, Set<Skill>> SECTOR_SKILLS = new EnumMap<>(Sector.class);

	static {
		SECTOR_SKILLS.put(Sector.HEALTH, Set.of(Skill.MEDICAL, Skill.FIRST_AID));
		SECTOR_SKILLS.put(Sector.NUTRITION, Set.of(Skill.MEDICAL, Skill.COOKING));
		SECTOR_SKILLS.put(Sector.FOOD_SECURITY, Set.of(Skill.COOKING, Skill.LOGISTICS, Skill.DRIVING));
		SECTOR_SKILLS.put(Sector.WASH, Set.of(Skill.PLUMBING, Skill.LOGISTICS, Skill.DRIVING));
		SECTOR_SKILLS.put(Sector.SHELTER_NFI, Set.of(Skill.CONSTRUCTION, Skill.LOGISTICS, Skill.DRIVING));
		SECTOR_SKILLS.put(Sector.CAMP_MANAGEMENT, Set.of(Skill.LOGISTICS, Skill.COOKING, Skill.TRANSLATION));
		SECTOR_SKILLS.put(Sector.LOGISTICS, Set.of(Skill.LOGISTICS, Skill.DRIVING));
		SECTOR_SKILLS.put(Sector.PROTECTION, Set.of(Skill.PSYCHOSOCIAL, Skill.LEGAL, Skill.TRANSLATION));
		SECTOR_SKILLS.put(Sector.CHILD_PROTECTION, Set.of(Skill.CHILD_CARE, Skill.PSYCHOSOCIAL));
		SECTOR_SKILLS.put(Sector.GBV, Set.of(Skill.PSYCHOSOCIAL, Skill.MEDICAL, Skill.LEGAL));
		SECTOR_SKILLS.put(Sector.HOUSING_LAND_PROPERTY, Set.of(Skill.LEGAL, Skill.ENGINEERING));
		SECTOR_SKILLS.put(Sector.MINE_ACTION, Set.of(Skill.DEMINING_AWARENESS));
		SECTOR_SKILLS.put(Sector.EDUCATION, Set.of(Skill.TEACHING, Skill.CHILD_CARE));
		SECTOR_SKILLS.put(Sector.EARLY_RECOVERY, Set.of(Skill.CONSTRUCTION, Skill.ELECTRICAL, Skill.ENGINEERING));
		SECTOR_SKILLS.put(Sector.TELECOMS, Set.of(Skill.IT, Skill.ELECTRICAL));
		SECTOR_SKILLS.put(Sector.MULTIPURPOSE_CASH, Set.of(Skill.IT, Skill.TRANSLATION));
	}

	/** Distance at which the DISTANCE factor reaches 0. */
	private static final double FAR_KM = 50;

	private static final Duration STEP = Duration.ofMinutes(30);

	private final VolunteerService volunteers;

	private final Schedules schedules;

	private final AssignmentService assignments;

	private final AssignmentSettings settings;

	VolunteerMatcher(VolunteerService volunteers, Schedules schedules, AssignmentService assignments,
			AssignmentSettings settings) {
		this.volunteers = volunteers;
		this.schedules = schedules;
		this.assignments = assignments;
		this.settings = settings;
	}

	/** A volunteer suggested for a task. */
	record Suggestion(Volunteer volunteer, double score, List<MatchFactor> factors) {

	}

	/** One explained factor of a suggestion. */
	record MatchFactor(String factor, double value, double weight, double contribution, String reason) {

	}

	List<Suggestion> suggest(TaskInfo task, TimeWindow window, int first) {
		List<Volunteer> candidates = this.volunteers.activeIn(task.communityPcode())
			.stream()
			.filter(volunteer -> this.assignments.vettedFor(volunteer, task))
			.toList();
		Map<String, List<Booking>> bookings = this.schedules
			.bookingsOf(candidates.stream().map(Volunteer::id).toList());
		List<Suggestion> suggestions = new ArrayList<>();
		for (Volunteer volunteer : candidates) {
			// Bookings as stored: one left by a crash may hide a volunteer until the next
			// booking reconciles it, never show a busy one as free.
			List<Booking> active = bookings.getOrDefault(volunteer.id(), List.of());
			int max = this.volunteers.maxActiveAssignments(volunteer);
			boolean excluded = (window != null)
					? !this.schedules.refusals(volunteer, active, window, booking -> false).isEmpty()
					: active.size() >= max;
			if (!excluded) {
				suggestions.add(score(volunteer, task, window, active.size(), max));
			}
		}
		suggestions.sort(Comparator.comparingDouble(Suggestion::score)
			.reversed()
			.thenComparing(suggestion -> suggestion.volunteer().id()));
		return suggestions.subList(0, Math.min(first, suggestions.size()));
	}

	private Suggestion score(Volunteer volunteer, TaskInfo task, TimeWindow window, int active, int max) {
		List<double[]> raw = new ArrayList<>();
		List<String[]> names = new ArrayList<>();
		Set<Skill> wanted = (task.sector() != null) ? SECTOR_SKILLS.getOrDefault(task.sector(), Set.of()) : Set.of();
		List<Skill> matching = volunteer.skills().stream().filter(wanted::contains).toList();
		double skillFit = wanted.isEmpty() ? 0.5 : Math.min(1.0, matching.size() / (double) Math.min(2, wanted.size()));
		add(raw, names, "SKILL_FIT", skillFit, 3.0, wanted.isEmpty() ? "No skills are typical of the task's sector"
				: "Has " + matching.size() + " of the skills typical of " + task.sector() + " " + wanted);
		double availability;
		String availabilityReason;
		if (window == null) {
			availability = 0.5;
			availabilityReason = "No window given";
		}
		else if (!volunteer.availableDates().isEmpty() && volunteer.availableDates()
			.stream()
			.noneMatch(range -> !range.from().isAfter(window.start()) && !range.to().isBefore(window.end()))) {
			availability = 0;
			availabilityReason = "The window is outside the volunteer's available dates";
		}
		else if (volunteer.weeklyAvailability().isEmpty()) {
			availability = 0.5;
			availabilityReason = "No weekly availability stated";
		}
		else {
			availability = weeklyCoverage(volunteer.weeklyAvailability(), window);
			availabilityReason = Math.round(availability * 100) + "% of the window is in the volunteer's weekly times";
		}
		add(raw, names, "AVAILABILITY", availability, 2.0, availabilityReason);
		GeoPoint from = volunteer.location();
		GeoPoint to = task.location();
		if (from != null && to != null) {
			double km = GeoCells.distanceKm(from.latitude(), from.longitude(), to.latitude(), to.longitude());
			add(raw, names, "DISTANCE", Math.max(0, 1 - km / FAR_KM), 1.5,
					Math.round(km * 10) / 10.0 + " km from the task");
		}
		else {
			add(raw, names, "DISTANCE", 0.5, 1.5, "Location of the volunteer or the task unknown");
		}
		boolean speaks = volunteer.languages().contains(this.settings.localLanguage());
		add(raw, names, "LANGUAGE", speaks ? 1 : 0, 1.0,
				(speaks ? "Speaks " : "Does not list ") + this.settings.localLanguage());
		add(raw, names, "LOAD", 1 - active / (double) max, 1.0, active + " of " + max + " active assignments");
		boolean vetted = volunteer.vetting() == Vetting.VETTED;
		add(raw, names, "VETTING", vetted ? 1 : 0.5, 0.5, vetted ? "Vetted" : "Not vetted");
		double weights = raw.stream().mapToDouble(values -> values[1]).sum();
		List<MatchFactor> factors = new ArrayList<>();
		double score = 0;
		for (int i = 0; i < raw.size(); i++) {
			double contribution = round(raw.get(i)[0] * raw.get(i)[1] / weights);
			score += contribution;
			factors.add(new MatchFactor(names.get(i)[0], round(raw.get(i)[0]), raw.get(i)[1], contribution,
					names.get(i)[1]));
		}
		return new Suggestion(volunteer, round(score), factors);
	}

	private static void add(List<double[]> raw, List<String[]> names, String factor, double value, double weight,
			String reason) {
		raw.add(new double[] { value, weight });
		names.add(new String[] { factor, reason });
	}

	/** Share of the window inside the weekly windows, in half-hour steps. */
	static double weeklyCoverage(List<WeeklyWindow> weekly, TimeWindow window) {
		int steps = 0;
		int covered = 0;
		for (Instant at = window.start(); at.isBefore(window.end()); at = at.plus(STEP)) {
			steps++;
			ZonedDateTime time = at.atZone(ZoneOffset.UTC);
			int minute = time.getHour() * 60 + time.getMinute();
			if (weekly.stream()
				.anyMatch(w -> w.day() == time.getDayOfWeek() && w.startMinute() <= minute && minute < w.endMinute())) {
				covered++;
			}
		}
		return (steps == 0) ? 0 : covered / (double) steps;
	}

	private static double round(double value) {
		return Math.round(value * 10000) / 10000.0;
	}

}
