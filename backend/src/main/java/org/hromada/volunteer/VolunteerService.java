package org.hromada.volunteer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hromada.activity.ActivityService;
import org.hromada.community.CommunityService;
import org.hromada.graphql.BadRequestException;
import org.hromada.graphql.InputValidation;
import org.hromada.graphql.Pages;
import org.hromada.graphql.Payloads;
import org.hromada.graphql.UserError;
import org.hromada.graphql.UserErrorCode;
import org.hromada.graphql.UserErrorException;
import org.hromada.security.Access;
import org.hromada.security.AccessScope;
import org.hromada.security.Caller;
import org.hromada.security.Role;
import org.hromada.volunteer.VolunteerInputs.DateRangeInput;
import org.hromada.volunteer.VolunteerInputs.SetVolunteerVettingInput;
import org.hromada.volunteer.VolunteerInputs.SkillMatch;
import org.hromada.volunteer.VolunteerInputs.UpdateMyProfileInput;
import org.hromada.volunteer.VolunteerInputs.VolunteerFilter;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Service;

/**
 * Volunteer profiles: created from the volunteer's own token on first use (or by a
 * coordinator's registration), changed by the volunteer, vetted by coordinators, read by
 * the assignment feature in batches. Each change is guarded by the document version and
 * recorded in the activity log without personal data.
 */
@Service
public class VolunteerService {

	private static final Sort BY_ID = Sort.by("id");

	/** Roles that read the PERSONAL fields of other volunteers. */
	private static final Set<Role> SEE_PERSONAL = EnumSet.of(Role.COORDINATOR, Role.ADMIN);

	/** Most candidates matching looks at in one community. */
	private static final int MAX_CANDIDATES = 1000;

	private final VolunteerRepository repository;

	private final MongoTemplate mongo;

	private final VolunteerMapper mapper;

	private final InputValidation validation;

	private final CommunityService communities;

	private final ActivityService activities;

	private final VolunteerSettings settings;

	private final ApplicationEventPublisher events;

	VolunteerService(VolunteerRepository repository, MongoTemplate mongo, VolunteerMapper mapper,
			InputValidation validation, CommunityService communities, ActivityService activities,
			VolunteerSettings settings, ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.mongo = mongo;
		this.mapper = mapper;
		this.validation = validation;
		this.communities = communities;
		this.activities = activities;
		this.settings = settings;
	}

	/**
	 * A profile by id, whoever asks; for other features acting within their own rules.
	 */
	public Optional<Volunteer> find(String id) {
		return this.repository.findById(id).map(this.mapper::toApi);
	}

	/** The profiles with the given ids that exist, by id, in one query. */
	public Map<String, Volunteer> findAll(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.mongo.find(Query.query(Criteria.where("id").in(ids)), VolunteerDocument.class)
			.stream()
			.map(this.mapper::toApi)
			.collect(Collectors.toMap(Volunteer::id, Function.identity()));
	}

	/**
	 * The active volunteers serving a community, for matching; at most
	 * {@value #MAX_CANDIDATES}.
	 */
	public List<Volunteer> activeIn(String communityPcode) {
		Query query = Query
			.query(Criteria.where("communities").is(communityPcode).and("status").is(VolunteerStatus.ACTIVE))
			.with(BY_ID)
			.limit(MAX_CANDIDATES);
		return this.mongo.find(query, VolunteerDocument.class).stream().map(this.mapper::toApi).toList();
	}

	/**
	 * The caller's profile, created from their token on first use; its communities follow
	 * the token's claim.
	 */
	public Volunteer me(Caller caller) {
		return this.mapper.toApi(ensure(caller));
	}

	/**
	 * The profile of an account a coordinator just registered; the profile already stored
	 * if a retry created it before.
	 */
	Volunteer registered(String id, String displayName, List<String> communities, VolunteerContact contact, Caller by) {
		VolunteerDocument document = new VolunteerDocument();
		document.setId(id);
		document.setDisplayName(displayName);
		document.setCommunities(new ArrayList<>(communities));
		document.setHomeCommunityPcode(communities.get(0));
		document.setContact(contact);
		document.setMaxActiveAssignments(this.settings.defaultMaxActiveAssignments());
		document.setWeeklyHoursCap(this.settings.defaultWeeklyHoursCap());
		document.setVetting(Vetting.UNVETTED);
		document.setStatus(VolunteerStatus.ACTIVE);
		try {
			return this.mapper.toApi(this.repository.insert(document));
		}
		catch (DuplicateKeyException ex) {
			return this.repository.findById(id).map(this.mapper::toApi).orElseThrow(() -> ex);
		}
	}

	Optional<Volunteer> find(String id, Access access) {
		return this.repository.findById(id).map(document -> {
			requireReach(document, access);
			return this.mapper.toApi(document);
		});
	}

	Window<Volunteer> list(VolunteerFilter filter, ScrollPosition position, Limit limit, Access access) {
		if (!access.caller().hasAny(SEE_PERSONAL) && filtersOnPersonalFields(filter)) {
			// A filter on a field the caller may not read would answer questions about it
			// ("is this volunteer vetted, free on that day") one query at a time.
			throw new BadRequestException(
					"Only coordinators and administrators may filter volunteers by skills, language, availability or vetting");
		}
		List<Criteria> conditions = new ArrayList<>();
		if (access.scope() == AccessScope.OWN_COMMUNITIES) {
			conditions.add(Criteria.where("communities").in(access.caller().communities()));
		}
		if (filter.community() != null) {
			conditions.add(Criteria.where("communities").is(filter.community()));
		}
		if (filter.skills() != null && !filter.skills().isEmpty()) {
			conditions.add((filter.skillMatch() == SkillMatch.ANY) ? Criteria.where("skills").in(filter.skills())
					: Criteria.where("skills").all(filter.skills()));
		}
		if (filter.language() != null) {
			conditions.add(Criteria.where("languages").is(filter.language()));
		}
		if (filter.availableFrom() != null && filter.availableTo() != null) {
			conditions.add(Criteria.where("availableDates")
				.elemMatch(Criteria.where("from")
					.lte(filter.availableFrom().toInstant())
					.and("to")
					.gte(filter.availableTo().toInstant())));
		}
		if (filter.vetting() != null) {
			conditions.add(Criteria.where("vetting").is(filter.vetting()));
		}
		if (filter.status() != null) {
			conditions.add(Criteria.where("status").is(filter.status()));
		}
		Query query = conditions.isEmpty() ? new Query() : new Query(new Criteria().andOperator(conditions));
		query.with(BY_ID).with(Pages.requireKeysOf(position, BY_ID)).limit(limit);
		return this.mongo.scroll(query, VolunteerDocument.class).map(this.mapper::toApi);
	}

	private static boolean filtersOnPersonalFields(VolunteerFilter filter) {
		return (filter.skills() != null && !filter.skills().isEmpty()) || filter.language() != null
				|| filter.availableFrom() != null || filter.availableTo() != null || filter.vetting() != null;
	}

	/**
	 * Most assignments the volunteer holds at once: their own maximum, or the configured
	 * default (hromada.volunteer.default-max-active-assignments) for a profile without
	 * one.
	 */
	public int maxActiveAssignments(Volunteer volunteer) {
		return (volunteer.maxActiveAssignments() != null) ? volunteer.maxActiveAssignments()
				: this.settings.defaultMaxActiveAssignments();
	}

	Volunteer updateMyProfile(UpdateMyProfileInput input, Access access) {
		VolunteerDocument document = ensure(access.caller());
		VolunteerStatus statusBefore = document.getStatus();
		Payloads.requireVersion("profile", document.getVersion(), input.version());
		List<UserError> errors = new ArrayList<>();
		apply(input.displayName(), value -> {
			if (value == null || value.isBlank() || value.strip().length() > 200) {
				errors.add(invalid("displayName must be 1 to 200 characters", "displayName"));
			}
			else {
				document.setDisplayName(value.strip());
			}
		});
		apply(input.contact(), value -> {
			if (value != null) {
				errors.addAll(this.validation.check(value, "input", "contact"));
			}
			document.setContact(value);
		});
		apply(input.skills(), value -> {
			if (value != null && value.size() > 20) {
				errors.add(invalid("At most 20 skills", "skills"));
			}
			document.setSkills((value != null) ? List.copyOf(new LinkedHashSet<>(value)) : new ArrayList<>());
		});
		apply(input.languages(), value -> {
			List<String> languages = (value != null) ? List.copyOf(new LinkedHashSet<>(value)) : List.of();
			if (languages.size() > 20 || languages.stream().anyMatch(code -> !code.matches("[a-z]{2}"))) {
				errors.add(invalid("Languages are at most 20 ISO 639-1 codes of two lowercase letters", "languages"));
			}
			document.setLanguages(new ArrayList<>(languages));
		});
		apply(input.homeCommunityPcode(), value -> {
			if (value != null && this.communities.findByPcode(value).isEmpty()) {
				errors.add(UserError.of(UserErrorCode.NOT_FOUND, "No community has P-code " + value, "input",
						"homeCommunityPcode"));
			}
			document.setHomeCommunityPcode(value);
		});
		apply(input.location(), value -> {
			if (value != null) {
				errors.addAll(this.validation.check(value, "input", "location"));
			}
			document.setLocation(value);
		});
		apply(input.weeklyAvailability(), value -> {
			List<WeeklyWindow> windows = (value != null) ? value : List.of();
			if (windows.size() > 50) {
				errors.add(invalid("At most 50 weekly windows", "weeklyAvailability"));
			}
			for (int i = 0; i < windows.size(); i++) {
				List<UserError> found = this.validation.check(windows.get(i), "input", "weeklyAvailability",
						String.valueOf(i));
				errors.addAll(found);
				if (found.isEmpty() && windows.get(i).endMinute() <= windows.get(i).startMinute()) {
					errors.add(invalid("A window must end after it starts", "weeklyAvailability", String.valueOf(i),
							"end"));
				}
			}
			document.setWeeklyAvailability(new ArrayList<>(windows));
		});
		apply(input.availableDates(), value -> {
			List<DateRangeInput> ranges = (value != null) ? value : List.of();
			if (ranges.size() > 50) {
				errors.add(invalid("At most 50 date ranges", "availableDates"));
			}
			List<DateRange> stored = new ArrayList<>();
			for (int i = 0; i < ranges.size(); i++) {
				Instant from = ranges.get(i).from().toInstant();
				Instant to = ranges.get(i).to().toInstant();
				if (!to.isAfter(from)) {
					errors.add(invalid("A period must end after it starts", "availableDates", String.valueOf(i), "to"));
				}
				stored.add(new DateRange(from, to));
			}
			document.setAvailableDates(stored);
		});
		apply(input.maxActiveAssignments(), value -> {
			if (value == null || value < 1 || value > 20) {
				errors.add(invalid("maxActiveAssignments must be 1 to 20", "maxActiveAssignments"));
			}
			document.setMaxActiveAssignments(value);
		});
		apply(input.weeklyHoursCap(), value -> {
			if (value == null || value < 1 || value > 80) {
				errors.add(invalid("weeklyHoursCap must be 1 to 80", "weeklyHoursCap"));
			}
			document.setWeeklyHoursCap(value);
		});
		apply(input.status(), value -> {
			if (value == null) {
				errors.add(invalid("status cannot be cleared", "status"));
			}
			document.setStatus(value);
		});
		if (!errors.isEmpty()) {
			throw new UserErrorException(errors);
		}
		VolunteerDocument saved = this.repository.save(document);
		this.activities.record(access.caller(), "volunteer.updated", "Volunteer", saved.getId(),
				primaryCommunity(saved), "Volunteer profile updated, status " + saved.getStatus());
		if (statusBefore != VolunteerStatus.INACTIVE && saved.getStatus() == VolunteerStatus.INACTIVE) {
			return restricted(saved, access.caller());
		}
		return this.mapper.toApi(saved);
	}

	Volunteer setVetting(SetVolunteerVettingInput input, Access access) {
		VolunteerDocument document = this.repository.findById(input.volunteerId())
			.orElseThrow(() -> new UserErrorException(
					UserError.of(UserErrorCode.NOT_FOUND, "No volunteer has this id", "input", "volunteerId")));
		requireReach(document, access);
		if (input.vetting() == document.getVetting()) {
			return this.mapper.toApi(document);
		}
		document.setVetting(input.vetting());
		VolunteerDocument saved = this.repository.save(document);
		this.activities.record(access.caller(), "volunteer.vetting", "Volunteer", saved.getId(),
				primaryCommunity(saved), "Volunteer vetting set to " + saved.getVetting());
		if (saved.getVetting() != Vetting.VETTED) {
			return restricted(saved, access.caller());
		}
		return this.mapper.toApi(saved);
	}

	/**
	 * Tells the features holding the volunteer's work that they may take less (they
	 * withdraw it before the caller is answered), and returns the profile.
	 */
	private Volunteer restricted(VolunteerDocument saved, Caller by) {
		this.events.publishEvent(new VolunteerRestricted(saved.getId(), by));
		return this.mapper.toApi(saved);
	}

	/**
	 * The caller's profile, inserting it on first use; a concurrent first call is settled
	 * by the id, which is the subject. Communities follow the token.
	 */
	private VolunteerDocument ensure(Caller caller) {
		Optional<VolunteerDocument> existing = this.repository.findById(caller.id());
		if (existing.isEmpty()) {
			VolunteerDocument document = new VolunteerDocument();
			document.setId(caller.id());
			document.setDisplayName(
					(caller.name() != null && !caller.name().isBlank()) ? caller.name() : caller.username());
			document.setCommunities(new ArrayList<>(caller.communities()));
			document.setHomeCommunityPcode(caller.communities().isEmpty() ? null : caller.communities().get(0));
			document.setMaxActiveAssignments(this.settings.defaultMaxActiveAssignments());
			document.setWeeklyHoursCap(this.settings.defaultWeeklyHoursCap());
			document.setVetting(Vetting.UNVETTED);
			document.setStatus(VolunteerStatus.ACTIVE);
			try {
				VolunteerDocument created = this.repository.insert(document);
				this.activities.recordOnce("volunteer:" + created.getId() + ":created", caller, "volunteer.created",
						"Volunteer", created.getId(), primaryCommunity(created), "Volunteer profile created");
				return created;
			}
			catch (DuplicateKeyException ex) {
				return this.repository.findById(caller.id()).orElseThrow(() -> ex);
			}
		}
		VolunteerDocument document = existing.get();
		if (!document.getCommunities().equals(caller.communities())) {
			document.setCommunities(new ArrayList<>(caller.communities()));
			document = this.repository.save(document);
			this.activities.record(caller, "volunteer.communities", "Volunteer", document.getId(),
					primaryCommunity(document),
					"Volunteer communities now " + document.getCommunities().size() + " (from the token)");
		}
		return document;
	}

	/**
	 * Refuses a profile of no community a community-scoped caller serves; the caller
	 * always reaches their own.
	 */
	private static void requireReach(VolunteerDocument document, Access access) {
		if (access.scope() != AccessScope.OWN_COMMUNITIES || document.getId().equals(access.caller().id())
				|| document.getCommunities().stream().anyMatch(access.caller()::serves)) {
			return;
		}
		access.requireCommunity(document.getCommunities().isEmpty() ? "none" : document.getCommunities().get(0));
	}

	private static String primaryCommunity(VolunteerDocument document) {
		return (document.getHomeCommunityPcode() != null) ? document.getHomeCommunityPcode()
				: (document.getCommunities().isEmpty() ? null : document.getCommunities().get(0));
	}

	private static <T> void apply(ArgumentValue<T> change, Consumer<T> setter) {
		if (change != null && !change.isOmitted()) {
			setter.accept(change.value());
		}
	}

	private static UserError invalid(String message, String... path) {
		String[] full = new String[path.length + 1];
		full[0] = "input";
		System.arraycopy(path, 0, full, 1, path.length);
		return UserError.of(UserErrorCode.INVALID, message, full);
	}

}
