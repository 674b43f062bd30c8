package org.hromada.community;

import java.util.List;

import org.hromada.community.CommunityInputs.CommunityFilter;
import org.hromada.community.CommunityInputs.CreateCommunityInput;
import org.hromada.community.CommunityInputs.ImportCommunitiesInput;
import org.hromada.community.CommunityInputs.UpdateCommunityInput;
import org.hromada.graphql.Pages;
import org.hromada.graphql.Payloads;
import org.hromada.graphql.UserError;
import org.hromada.security.Caller;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class CommunityController {

	private final CommunityService communities;

	private final CommunityImporter importer;

	CommunityController(CommunityService communities, CommunityImporter importer) {
		this.communities = communities;
		this.importer = importer;
	}

	@QueryMapping
	Community community(@Argument String id) {
		return this.communities.findById(id).orElse(null);
	}

	@QueryMapping
	Community communityByPcode(@Argument String pcode) {
		return this.communities.findByPcode(pcode).orElse(null);
	}

	@QueryMapping
	Window<Community> communities(@Argument CommunityFilter filter, @Argument Integer first, ScrollSubrange subrange) {
		return this.communities.list((filter != null) ? filter : CommunityFilter.NONE, Pages.position(subrange),
				Pages.limit(first));
	}

	@MutationMapping
	CommunityPayload createCommunity(@Argument CreateCommunityInput input, Caller caller) {
		return Payloads.of(() -> this.communities.create(input, caller), CommunityPayload::of,
				CommunityPayload::failed);
	}

	@MutationMapping
	CommunityPayload updateCommunity(@Argument UpdateCommunityInput input, Caller caller) {
		return Payloads.of(() -> this.communities.update(input, caller), CommunityPayload::of,
				CommunityPayload::failed);
	}

	@MutationMapping
	CommunityImportResult importCommunities(@Argument ImportCommunitiesInput input, Caller caller) {
		return this.importer.importCsv(input.csv(), Boolean.TRUE.equals(input.sample()), caller);
	}

	/** Shape of CreateCommunityPayload and UpdateCommunityPayload. */
	record CommunityPayload(Community community, List<UserError> userErrors) {

		static CommunityPayload of(Community community) {
			return new CommunityPayload(community, List.of());
		}

		static CommunityPayload failed(List<UserError> errors) {
			return new CommunityPayload(null, errors);
		}

	}

}
