package org.hromada.project;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.hromada.aid.AidRequest;
import org.hromada.aid.AidRequestService;
import org.hromada.aid.PeopleView;
import org.hromada.community.Community;
import org.hromada.community.CommunityService;
import org.hromada.graphql.Pages;
import org.hromada.graphql.Payloads;
import org.hromada.graphql.UserError;
import org.hromada.organization.Organization;
import org.hromada.organization.OrganizationService;
import org.hromada.project.ProjectInputs.AddMilestoneInput;
import org.hromada.project.ProjectInputs.ChangeProjectStatusInput;
import org.hromada.project.ProjectInputs.CompleteMilestoneInput;
import org.hromada.project.ProjectInputs.CreateProjectInput;
import org.hromada.project.ProjectInputs.ProjectFilter;
import org.hromada.project.ProjectInputs.RecordFundingInput;
import org.hromada.project.ProjectInputs.UpdateMilestoneInput;
import org.hromada.project.ProjectInputs.UpdateProjectInput;
import org.hromada.project.ProjectService.MilestoneResult;
import org.hromada.security.Access;
import org.hromada.assignment.Assignment;
import org.hromada.assignment.AssignmentService;
import org.hromada.assignment.TaskKind;
import org.hromada.assignment.TaskRef;
import org.hromada.security.Caller;
import org.hromada.security.OperationAccess;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class ProjectController {

	private final ProjectService projects;

	private final ProjectSearch search;

	private final ProjectFunding funding;

	private final CommunityService communities;

	private final OrganizationService organizations;

	private final AidRequestService aidRequests;

	private final OperationAccess operations;

	private final AssignmentService assignments;

	ProjectController(ProjectService projects, ProjectSearch search, ProjectFunding funding,
			CommunityService communities, OrganizationService organizations, AidRequestService aidRequests,
			OperationAccess operations, AssignmentService assignments, BatchLoaderRegistry loaders) {
		this.projects = projects;
		this.search = search;
		this.funding = funding;
		this.communities = communities;
		this.organizations = organizations;
		this.aidRequests = aidRequests;
		this.operations = operations;
		this.assignments = assignments;
		loaders.<String, List<Assignment>>forName("milestoneAssignments")
			.registerMappedBatchLoader((ids, environment) -> Mono
				.fromSupplier(() -> milestoneAssignments(ids, (GraphQLContext) environment.getContext())));
	}

	@QueryMapping
	Project project(@Argument String id) {
		return this.projects.find(id).orElse(null);
	}

	@QueryMapping
	Window<Project> projects(@Argument ProjectFilter filter, @Argument ProjectOrder orderBy, @Argument Integer first,
			ScrollSubrange subrange) {
		return this.search.list((filter != null) ? filter : ProjectFilter.NONE,
				(orderBy != null) ? orderBy : ProjectOrder.CREATED, Pages.position(subrange), Pages.limit(first));
	}

	/**
	 * The people to benefit, judged by the project (the groups are RESTRICTED in
	 * protection sectors).
	 */
	@SchemaMapping(typeName = "Project")
	PeopleView peopleToBenefit(Project project) {
		return PeopleView.of(project.peopleToBenefit(), project, project.sector());
	}

	/** The communities of a page of projects, in one query. */
	@BatchMapping(typeName = "Project")
	Map<Project, Community> community(List<Project> projects) {
		Set<String> pcodes = projects.stream().map(Project::communityPcode).collect(Collectors.toSet());
		Map<String, Community> byPcode = this.communities.findByPcodes(pcodes);
		return projects.stream()
			.collect(Collectors.toMap(Function.identity(), project -> byPcode.get(project.communityPcode()),
					(first, second) -> first));
	}

	/** The organisations of a page of projects, in one query. */
	@BatchMapping(typeName = "ProjectOrganization")
	Map<ProjectOrganization, Organization> organization(List<ProjectOrganization> entries) {
		Map<String, Organization> byKey = this.organizations
			.findByKeys(entries.stream().map(ProjectOrganization::organizationKey).collect(Collectors.toSet()));
		return entries.stream()
			.filter(entry -> byKey.containsKey(entry.organizationKey()))
			.collect(Collectors.toMap(Function.identity(), entry -> byKey.get(entry.organizationKey()),
					(first, second) -> first));
	}

	/**
	 * The linked needs of a page of projects, in one query, within the reach the
	 * Query.aidRequest rules give the caller (so a project never shows a need its reader
	 * could not read directly); their personal data is withheld as on any aid request.
	 */
	@BatchMapping(typeName = "Project")
	Map<Project, List<AidRequest>> linkedAidRequests(List<Project> projects, GraphQLContext context) {
		Set<String> ids = projects.stream()
			.flatMap(project -> project.linkedAidRequestIds().stream())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Map<String, AidRequest> byId = this.operations.as("Query.aidRequest", context.get(Caller.class))
			.map(access -> this.aidRequests.findAll(ids, access))
			.orElse(Map.of());
		return projects.stream()
			.collect(Collectors.toMap(Function.identity(),
					project -> project.linkedAidRequestIds().stream().map(byId::get).filter(Objects::nonNull).toList(),
					(first, second) -> first));
	}

	/**
	 * The assignments of a milestone, soonest window first, at most {@code first}
	 * ({@link Pages}: 20 by default, at most 100); those of a page's milestones are
	 * loaded in one query, within the reach the Query.assignments rules give the caller.
	 */
	@SchemaMapping(typeName = "Milestone")
	CompletableFuture<List<Assignment>> assignments(Milestone milestone, @Argument Integer first,
			DataLoader<String, List<Assignment>> milestoneAssignments) {
		int size = Pages.limit(first).max();
		return milestoneAssignments.load(milestone.id())
			.thenApply(found -> found.subList(0, Math.min(size, found.size())));
	}

	private Map<String, List<Assignment>> milestoneAssignments(Set<String> milestoneIds, GraphQLContext context) {
		Map<TaskRef, List<Assignment>> byTask = this.operations.as("Query.assignments", context.get(Caller.class))
			.map(access -> this.assignments
				.forTasks(milestoneIds.stream().map(id -> new TaskRef(TaskKind.MILESTONE, id)).toList(), access))
			.orElse(Map.of());
		return milestoneIds.stream()
			.collect(Collectors.toMap(Function.identity(),
					id -> byTask.getOrDefault(new TaskRef(TaskKind.MILESTONE, id), List.of()), (one, other) -> one));
	}

	@MutationMapping
	ProjectPayload createProject(@Argument CreateProjectInput input, Access access) {
		return Payloads.of(() -> this.projects.create(input, access), ProjectPayload::of, ProjectPayload::failed);
	}

	@MutationMapping
	ProjectPayload updateProject(@Argument UpdateProjectInput input, Access access) {
		return Payloads.of(() -> this.projects.update(input, access), ProjectPayload::of, ProjectPayload::failed);
	}

	@MutationMapping
	ProjectPayload changeProjectStatus(@Argument ChangeProjectStatusInput input, Access access) {
		return Payloads.of(() -> this.projects.changeStatus(input, access), ProjectPayload::of, ProjectPayload::failed);
	}

	@MutationMapping
	MilestonePayload addMilestone(@Argument AddMilestoneInput input, Access access) {
		return Payloads.of(() -> this.projects.addMilestone(input, access), MilestonePayload::of,
				MilestonePayload::failed);
	}

	@MutationMapping
	MilestonePayload updateMilestone(@Argument UpdateMilestoneInput input, Access access) {
		return Payloads.of(() -> this.projects.updateMilestone(input, access), MilestonePayload::of,
				MilestonePayload::failed);
	}

	@MutationMapping
	MilestonePayload completeMilestone(@Argument CompleteMilestoneInput input, Access access) {
		return Payloads.of(() -> this.projects.completeMilestone(input, access), MilestonePayload::of,
				MilestonePayload::failed);
	}

	@MutationMapping
	FundingPayload recordFunding(@Argument RecordFundingInput input, Access access) {
		return Payloads.of(() -> this.funding.record(input, access), FundingPayload::of, FundingPayload::failed);
	}

	/** Shape of ProjectPayload. */
	record ProjectPayload(Project project, List<UserError> userErrors) {

		static ProjectPayload of(Project project) {
			return new ProjectPayload(project, List.of());
		}

		static ProjectPayload failed(List<UserError> errors) {
			return new ProjectPayload(null, errors);
		}

	}

	/** Shape of MilestonePayload. */
	record MilestonePayload(Project project, Milestone milestone, List<UserError> userErrors) {

		static MilestonePayload of(MilestoneResult result) {
			return new MilestonePayload(result.project(), result.milestone(), List.of());
		}

		static MilestonePayload failed(List<UserError> errors) {
			return new MilestonePayload(null, null, errors);
		}

	}

	/** Shape of RecordFundingPayload. */
	record FundingPayload(Project project, Project.FundingEntryView entry, boolean created,
			List<UserError> userErrors) {

		static FundingPayload of(ProjectFunding.Recorded recorded) {
			return new FundingPayload(recorded.project(), recorded.entry(), recorded.created(), List.of());
		}

		static FundingPayload failed(List<UserError> errors) {
			return new FundingPayload(null, null, false, errors);
		}

	}

}
