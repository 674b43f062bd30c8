package org.hromada.project;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hromada.activity.ActivityService;
import org.hromada.aid.AidRequestService;
import org.hromada.assignment.TaskClosed;
import org.hromada.assignment.TaskKind;
import org.hromada.assignment.TaskRef;
import org.hromada.community.CommunityService;
import org.hromada.graphql.InputValidation;
import org.hromada.graphql.Money;
import org.hromada.graphql.Payloads;
import org.hromada.graphql.UserError;
import org.hromada.graphql.UserErrorCode;
import org.hromada.graphql.UserErrorException;
import org.hromada.organization.OrganizationService;
import org.hromada.project.ProjectInputs.AddMilestoneInput;
import org.hromada.project.ProjectInputs.ChangeProjectStatusInput;
import org.hromada.project.ProjectInputs.CompleteMilestoneInput;
import org.hromada.project.ProjectInputs.CreateProjectInput;
import org.hromada.project.ProjectInputs.UpdateMilestoneInput;
import org.hromada.project.ProjectInputs.UpdateProjectInput;
import org.hromada.security.Access;
import org.hromada.store.StoredLocation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Rebuilding projects: reading one, creating, changing content, the status lifecycle and
 * milestones. Every change checks the caller's reach first, then the version the client
 * read and the rules, writes the one document (optimistic lock) with its derived values
 * (totals, gaps, progress) recomputed, and records an activity without personal data.
 */
@Service
class ProjectService {

	/** Most milestones of one project. */
	static final int MAX_MILESTONES = 100;

	/** How far in the future a damage assessment may be dated: clock skew only. */
	private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

	private final ProjectRepository repository;

	private final ProjectMapper mapper;

	private final InputValidation validation;

	private final CommunityService communities;

	private final OrganizationService organizations;

	private final AidRequestService aidRequests;

	private final ActivityService activities;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ProjectService(ProjectRepository repository, ProjectMapper mapper, InputValidation validation,
			CommunityService communities, OrganizationService organizations, AidRequestService aidRequests,
			ActivityService activities, Clock clock, ApplicationEventPublisher events) {
		this.repository = repository;
		this.events = events;
		this.mapper = mapper;
		this.validation = validation;
		this.communities = communities;
		this.organizations = organizations;
		this.aidRequests = aidRequests;
		this.activities = activities;
		this.clock = clock;
	}

	Optional<Project> find(String id) {
		return this.repository.findById(id).map(this.mapper::toApi);
	}

	Project create(CreateProjectInput input, Access access) {
		access.requireCommunity(input.communityPcode());
		ProjectFields fields = input.fields().normalized();
		List<UserError> errors = new ArrayList<>(this.validation.check(fields, "input"));
		if (this.communities.findByPcode(input.communityPcode()).isEmpty()) {
			errors.add(UserError.of(UserErrorCode.NOT_FOUND, "No community has P-code " + input.communityPcode(),
					"input", "communityPcode"));
		}
		if (errors.isEmpty()) {
			errors.addAll(checkContent(fields, input.communityPcode(), List.of(), true, true));
		}
		if (!errors.isEmpty()) {
			throw new UserErrorException(errors);
		}
		ProjectDocument document = new ProjectDocument();
		document.setCommunityPcode(input.communityPcode());
		apply(fields, document);
		document.setStatus(ProjectStatus.IDENTIFICATION);
		document.getStatusHistory()
			.add(new StatusChange(null, ProjectStatus.IDENTIFICATION, access.caller().id(), this.clock.instant(),
					null));
		derive(document);
		ProjectDocument saved = this.repository.insert(document);
		record(access, "project.created", saved, "Project created: " + saved.getAssetCategory() + " "
				+ saved.getProjectType() + ", " + saved.getSector());
		return this.mapper.toApi(saved);
	}

	Project update(UpdateProjectInput input, Access access) {
		ProjectDocument document = load(input.id(), input.version(), access, "id");
		ProjectFields current = this.mapper.toFields(document);
		ProjectFields changed = input.applyTo(current).normalized();
		this.validation.require(changed, "input");
		List<UserError> errors = checkContent(changed, document.getCommunityPcode(), document.getFundingEntries(),
				input.changes(input.organizations()), input.changes(input.linkedAidRequestIds()));
		if (!errors.isEmpty()) {
			throw new UserErrorException(errors);
		}
		if (changed.equals(current)) {
			return this.mapper.toApi(document);
		}
		apply(changed, document);
		return save(document, access, "project.updated", "Project content changed");
	}

	Project changeStatus(ChangeProjectStatusInput input, Access access) {
		ProjectDocument document = load(input.id(), input.version(), access, "id");
		this.validation.require(input, "input");
		ProjectStatus from = document.getStatus();
		if (input.status() == null || !from.canMoveTo(input.status(), document.getHeldFrom())) {
			Set<ProjectStatus> next = from.next(document.getHeldFrom());
			throw new UserErrorException(
					UserError.of(
							UserErrorCode.INVALID_TRANSITION, "A " + from + " project cannot become " + input.status()
									+ "; it can become " + (next.isEmpty() ? "nothing else" : next),
							"input", "status"));
		}
		document.setHeldFrom((input.status() == ProjectStatus.ON_HOLD) ? from : null);
		document.getStatusHistory()
			.add(new StatusChange(from, input.status(), access.caller().id(), this.clock.instant(),
					input.reason().strip()));
		document.setStatus(input.status());
		Project saved = save(document, access, "project.status." + input.status().name().toLowerCase(),
				"Project status " + from + " -> " + input.status());
		if (!input.status().isOpen()) {
			// Completed or cancelled: no milestone takes work any more (completed ones
			// were closed when they were completed).
			document.getMilestones()
				.stream()
				.filter(milestone -> !milestone.completed())
				.forEach(milestone -> this.events
					.publishEvent(new TaskClosed(new TaskRef(TaskKind.MILESTONE, milestone.id()), access.caller())));
		}
		return saved;
	}

	MilestoneResult addMilestone(AddMilestoneInput input, Access access) {
		ProjectDocument document = load(input.projectId(), input.version(), access, "projectId");
		MilestoneRules.requireOpen(document);
		Milestone milestone = new Milestone(UUID.randomUUID().toString(),
				(input.title() != null) ? input.title().strip() : null, instant(input.plannedStart()),
				instant(input.plannedEnd()), null, null,
				(input.percentComplete() != null) ? input.percentComplete() : 0, false);
		requireValid(milestone, null, document);
		if (document.getMilestones().size() >= MAX_MILESTONES) {
			throw new UserErrorException(UserError.of(UserErrorCode.OVER_CAPACITY,
					"A project holds at most " + MAX_MILESTONES + " milestones", "input"));
		}
		document.getMilestones().add(milestone);
		Project project = save(document, access, "project.milestone.added", "Milestone " + milestone.id() + " added");
		return new MilestoneResult(project, milestone);
	}

	MilestoneResult updateMilestone(UpdateMilestoneInput input, Access access) {
		ProjectDocument document = load(input.projectId(), input.version(), access, "projectId");
		MilestoneRules.requireOpen(document);
		int index = milestoneIndex(document, input.milestoneId());
		Milestone current = document.getMilestones().get(index);
		Milestone changed = input.applyTo(current);
		requireValid(changed, current, document);
		if (changed.equals(current)) {
			return new MilestoneResult(this.mapper.toApi(document), current);
		}
		document.getMilestones().set(index, changed);
		Project project = save(document, access, "project.milestone.updated",
				"Milestone " + changed.id() + " updated, " + changed.percentComplete() + "% complete");
		return new MilestoneResult(project, changed);
	}

	MilestoneResult completeMilestone(CompleteMilestoneInput input, Access access) {
		ProjectDocument document = load(input.projectId(), input.version(), access, "projectId");
		MilestoneRules.requireOpen(document);
		int index = milestoneIndex(document, input.milestoneId());
		Milestone current = document.getMilestones().get(index);
		if (current.completed()) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID_TRANSITION,
					"The milestone is already complete", "input", "milestoneId"));
		}
		Instant end = (input.actualEnd() != null) ? input.actualEnd().toInstant() : this.clock.instant();
		Milestone completed = new Milestone(current.id(), current.title(), current.plannedStart(), current.plannedEnd(),
				current.actualStart(), end, 100, true);
		requireValid(completed, current, document);
		document.getMilestones().set(index, completed);
		Project project = save(document, access, "project.milestone.completed",
				"Milestone " + completed.id() + " completed");
		this.events.publishEvent(new TaskClosed(new TaskRef(TaskKind.MILESTONE, completed.id()), access.caller()));
		return new MilestoneResult(project, completed);
	}

	private void requireValid(Milestone changed, Milestone current, ProjectDocument project) {
		List<UserError> errors = MilestoneRules.check(changed, current, MilestoneRules.projectStart(project),
				this.clock.instant());
		if (!errors.isEmpty()) {
			throw new UserErrorException(errors);
		}
	}

	/** A project and one of its milestones, after a milestone change. */
	record MilestoneResult(Project project, Milestone milestone) {

	}

	/**
	 * The rules of the content beyond its field constraints: budget amounts and
	 * currencies, organisations (stored, each once, with roles, funding ones keeping
	 * FUNDING while they have entries), linked needs of the project's community, and a
	 * damage assessment not in the future.
	 */
	private List<UserError> checkContent(ProjectFields fields, String communityPcode, List<FundingEntry> entries,
			boolean checkOrganizations, boolean checkLinks) {
		List<UserError> errors = new ArrayList<>();
		Set<String> currencies = new HashSet<>();
		for (int i = 0; i < fields.budget().size(); i++) {
			Money money = fields.budget().get(i);
			errors.addAll(money.problems("input", "budget", String.valueOf(i)));
			if (!currencies.add(money.currency())) {
				errors.add(UserError.of(UserErrorCode.INVALID, "The budget holds at most one amount per currency",
						"input", "budget", String.valueOf(i), "currency"));
			}
		}
		if (!Funding.withinCurrencies(fields.budget(), entries)) {
			errors.add(UserError.of(UserErrorCode.OVER_CAPACITY, "A project's money is in at most "
					+ Funding.MAX_CURRENCIES + " currencies, budget and funding together", "input", "budget"));
		}
		if (fields.damageAssessment() != null && fields.damageAssessment().assessedAt() != null
				&& fields.damageAssessment().assessedAt().isAfter(this.clock.instant().plus(FUTURE_TOLERANCE))) {
			errors.add(UserError.of(UserErrorCode.INVALID, "assessedAt must not be in the future", "input",
					"damageAssessment", "assessedAt"));
		}
		if (checkOrganizations) {
			errors.addAll(checkOrganizations(fields.organizations(), entries));
		}
		if (checkLinks && !fields.linkedAidRequestIds().isEmpty()) {
			Set<String> known = this.aidRequests.idsInCommunity(fields.linkedAidRequestIds(), communityPcode);
			for (int i = 0; i < fields.linkedAidRequestIds().size(); i++) {
				if (!known.contains(fields.linkedAidRequestIds().get(i))) {
					errors.add(UserError.of(UserErrorCode.NOT_FOUND,
							"No aid request of the project's community has this id", "input", "linkedAidRequestIds",
							String.valueOf(i)));
				}
			}
		}
		return errors;
	}

	private List<UserError> checkOrganizations(List<ProjectOrganization> given, List<FundingEntry> entries) {
		List<UserError> errors = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (ProjectOrganization organization : given) {
			if (organization.organizationKey() != null) {
				keys.add(organization.organizationKey());
			}
		}
		Set<String> known = this.organizations.findByKeys(keys).keySet();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < given.size(); i++) {
			ProjectOrganization organization = given.get(i);
			String index = String.valueOf(i);
			if (!known.contains(organization.organizationKey())) {
				errors.add(UserError.of(UserErrorCode.NOT_FOUND, "No organisation has this key", "input",
						"organizations", index, "organizationKey"));
			}
			else if (!seen.add(organization.organizationKey())) {
				errors.add(UserError.of(UserErrorCode.INVALID, "Each organisation is listed once", "input",
						"organizations", index, "organizationKey"));
			}
			if (organization.roles() == null || organization.roles().isEmpty()) {
				errors.add(UserError.of(UserErrorCode.INVALID, "roles must hold at least one role", "input",
						"organizations", index, "roles"));
			}
		}
		Set<String> funding = new HashSet<>();
		given.stream().filter(ProjectOrganization::funds).forEach(o -> funding.add(o.organizationKey()));
		entries.stream()
			.map(FundingEntry::organizationKey)
			.filter(key -> !funding.contains(key))
			.distinct()
			.forEach(key -> errors.add(UserError.of(UserErrorCode.INVALID,
					"Organisation " + key + " has funding entries and must stay on the project with the FUNDING role",
					"input", "organizations")));
		return errors;
	}

	private static int milestoneIndex(ProjectDocument document, String milestoneId) {
		for (int i = 0; i < document.getMilestones().size(); i++) {
			if (document.getMilestones().get(i).id().equals(milestoneId)) {
				return i;
			}
		}
		throw new UserErrorException(UserError.of(UserErrorCode.NOT_FOUND, "The project has no milestone with this id",
				"input", "milestoneId"));
	}

	private void apply(ProjectFields fields, ProjectDocument document) {
		document.setTitle(fields.title());
		document.setDescription(fields.description());
		document.setSector(fields.sector());
		document.setAssetCategory(fields.assetCategory());
		document.setProjectType(fields.projectType());
		document.setDamageAssessment(fields.damageAssessment());
		document.setOrganizations(fields.organizations()
			.stream()
			.map(o -> new ProjectOrganization(o.organizationKey(), List.copyOf(EnumSet.copyOf(o.roles()))))
			.toList());
		document.setBudget(fields.budget());
		document.setPeopleToBenefit(fields.peopleToBenefit());
		document.setPeopleReached(fields.peopleReached());
		document.setLinkedAidRequestIds(fields.linkedAidRequestIds());
		document.setExternalReferences(fields.externalReferences());
		document.setLocation((fields.location() != null)
				? StoredLocation.of(fields.location().latitude(), fields.location().longitude()) : null);
	}

	/**
	 * Recomputes what the document derives from its content: organisation keys, money
	 * totals and gaps, progress (the plain mean of the milestones' percent complete,
	 * rounded down).
	 */
	static void derive(ProjectDocument document) {
		document.setOrganizationKeys(List.copyOf(Project.keys(document.getOrganizations())));
		List<FundingTotals> totals = Funding.totals(document.getBudget(), document.getFundingEntries());
		document.setFundingTotals(totals);
		document.setFundingGaps(Funding.gaps(totals));
		List<Milestone> milestones = document.getMilestones();
		document.setProgress(milestones.isEmpty() ? null
				: (int) (milestones.stream().mapToLong(Milestone::percentComplete).sum() / milestones.size()));
	}

	/** The project, if the caller may reach it, at the version the client read. */
	private ProjectDocument load(String id, Long version, Access access, String idField) {
		ProjectDocument document = this.repository.findById(id)
			.orElseThrow(() -> new UserErrorException(
					UserError.of(UserErrorCode.NOT_FOUND, "No project has this id", "input", idField)));
		access.requireCommunity(document.getCommunityPcode());
		Payloads.requireVersion("project", document.getVersion(), version);
		return document;
	}

	private static Instant instant(OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

	private Project save(ProjectDocument document, Access access, String action, String summary) {
		derive(document);
		ProjectDocument saved = this.repository.save(document);
		record(access, action, saved, summary);
		return this.mapper.toApi(saved);
	}

	private void record(Access access, String action, ProjectDocument project, String summary) {
		this.activities.record(access.caller(), action, Project.ENTITY_TYPE, project.getId(),
				project.getCommunityPcode(), summary);
	}

}
