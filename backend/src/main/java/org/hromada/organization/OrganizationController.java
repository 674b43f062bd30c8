package org.hromada.organization;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hromada.community.Community;
import org.hromada.community.CommunityService;
import org.hromada.graphql.Pages;
import org.hromada.graphql.Payloads;
import org.hromada.graphql.UserError;
import org.hromada.organization.OrganizationInputs.CreateOrganizationInput;
import org.hromada.organization.OrganizationInputs.OrganizationFilter;
import org.hromada.organization.OrganizationInputs.UpdateOrganizationInput;
import org.hromada.security.Caller;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class OrganizationController {

	private final OrganizationService organizations;

	private final CommunityService communities;

	OrganizationController(OrganizationService organizations, CommunityService communities) {
		this.organizations = organizations;
		this.communities = communities;
	}

	@QueryMapping
	Organization organization(@Argument String id) {
		return this.organizations.findById(id).orElse(null);
	}

	@QueryMapping
	Organization organizationByKey(@Argument String key) {
		return this.organizations.findByKey(key).orElse(null);
	}

	@QueryMapping
	Window<Organization> organizations(@Argument OrganizationFilter filter, @Argument Integer first,
			ScrollSubrange subrange) {
		return this.organizations.list((filter != null) ? filter : OrganizationFilter.NONE, Pages.position(subrange),
				Pages.limit(first));
	}

	/** The caller's organisation, by the organization claim of their token. */
	@QueryMapping
	Organization myOrganization(Caller caller) {
		return (caller.organization() != null) ? this.organizations.findByKey(caller.organization()).orElse(null)
				: null;
	}

	/** The communities of a page of organisations, in one query. */
	@BatchMapping(typeName = "Organization")
	Map<Organization, List<Community>> communities(List<Organization> organizations) {
		Set<String> pcodes = organizations.stream()
			.flatMap(organization -> organization.communityPcodes().stream())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Map<String, Community> byPcode = pcodes.isEmpty() ? Map.of() : this.communities.findByPcodes(pcodes);
		return organizations.stream()
			.collect(Collectors.toMap(Function.identity(),
					organization -> organization.communityPcodes()
						.stream()
						.map(byPcode::get)
						.filter(Objects::nonNull)
						.toList(),
					(first, second) -> first));
	}

	@MutationMapping
	OrganizationPayload createOrganization(@Argument CreateOrganizationInput input, Caller caller) {
		return Payloads.of(() -> this.organizations.create(input, caller), OrganizationPayload::of,
				OrganizationPayload::failed);
	}

	@MutationMapping
	OrganizationPayload updateOrganization(@Argument UpdateOrganizationInput input, Caller caller) {
		return Payloads.of(() -> this.organizations.update(input, caller), OrganizationPayload::of,
				OrganizationPayload::failed);
	}

	/** Shape of CreateOrganizationPayload and UpdateOrganizationPayload. */
	record OrganizationPayload(Organization organization, List<UserError> userErrors) {

		static OrganizationPayload of(Organization organization) {
			return new OrganizationPayload(organization, List.of());
		}

		static OrganizationPayload failed(List<UserError> errors) {
			return new OrganizationPayload(null, errors);
		}

	}

}
