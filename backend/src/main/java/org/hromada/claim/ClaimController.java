package org.hromada.claim;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import org.hromada.aid.AidRequest;
import org.hromada.aid.AidRequestService;
import org.hromada.claim.ClaimInputs.ClaimAidRequestInput;
import org.hromada.claim.ClaimInputs.ClaimFilter;
import org.hromada.claim.ClaimInputs.ConfirmClaimInput;
import org.hromada.claim.ClaimInputs.RejectClaimInput;
import org.hromada.claim.ClaimInputs.ReleaseClaimInput;
import org.hromada.claim.ClaimInputs.ReportClaimProgressInput;
import org.hromada.claim.ClaimInputs.TransferClaimInput;
import org.hromada.graphql.Pages;
import org.hromada.graphql.Payloads;
import org.hromada.graphql.UserError;
import org.hromada.organization.Organization;
import org.hromada.organization.OrganizationService;
import org.hromada.security.Access;
import org.hromada.security.Caller;
import org.hromada.security.Role;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class ClaimController {

	private final ClaimService claims;

	private final ClaimSearch search;

	private final AidRequestService needs;

	private final OrganizationService organizations;

	ClaimController(ClaimService claims, ClaimSearch search, AidRequestService needs,
			OrganizationService organizations) {
		this.claims = claims;
		this.search = search;
		this.needs = needs;
		this.organizations = organizations;
	}

	@QueryMapping
	Claim claim(@Argument String id, Access access) {
		return this.claims.find(id, access).orElse(null);
	}

	@QueryMapping
	Window<Claim> claims(@Argument ClaimFilter filter, @Argument Integer first, ScrollSubrange subrange,
			Access access) {
		return this.search.list((filter != null) ? filter : ClaimFilter.NONE, Pages.position(subrange),
				Pages.limit(first), access);
	}

	@MutationMapping
	ClaimPayload claimAidRequest(@Argument ClaimAidRequestInput input, Access access) {
		return Payloads.of(() -> this.claims.claim(input, access), ClaimPayload::of, ClaimPayload::failed);
	}

	@MutationMapping
	ClaimPayload releaseClaim(@Argument ReleaseClaimInput input, Access access) {
		return Payloads.of(() -> this.claims.release(input, access), ClaimPayload::of, ClaimPayload::failed);
	}

	@MutationMapping
	ClaimPayload reportClaimProgress(@Argument ReportClaimProgressInput input, Access access) {
		return Payloads.of(() -> this.claims.reportProgress(input, access), ClaimPayload::of, ClaimPayload::failed);
	}

	@MutationMapping
	ClaimPayload confirmClaim(@Argument ConfirmClaimInput input, Access access) {
		return Payloads.of(() -> this.claims.confirm(input, access), ClaimPayload::of, ClaimPayload::failed);
	}

	@MutationMapping
	ClaimPayload rejectClaim(@Argument RejectClaimInput input, Access access) {
		return Payloads.of(() -> this.claims.reject(input, access), ClaimPayload::of, ClaimPayload::failed);
	}

	@MutationMapping
	ClaimPayload transferClaim(@Argument TransferClaimInput input, Access access) {
		return Payloads.of(() -> this.claims.transfer(input, access), ClaimPayload::of, ClaimPayload::failed);
	}

	/**
	 * The claims of a page of needs, in one query: each shown only to who may read it
	 * (admins, coordinators of the need's community, partners of the holding
	 * organisation); others read claimState and claimOrganizationKey only.
	 */
	@BatchMapping(typeName = "AidRequest")
	Map<AidRequest, Claim> claim(List<AidRequest> requests, GraphQLContext context) {
		Caller caller = context.get(Caller.class);
		Set<String> ids = requests.stream()
			.filter(request -> request.claim() != null)
			.map(request -> request.claim().claimId())
			.collect(Collectors.toSet());
		Map<String, Claim> found = this.search.byIds(ids);
		return requests.stream()
			.filter(request -> request.claim() != null && found.containsKey(request.claim().claimId())
					&& reaches(caller, found.get(request.claim().claimId())))
			.collect(Collectors.toMap(Function.identity(), request -> found.get(request.claim().claimId()),
					(a, b) -> a));
	}

	@BatchMapping(typeName = "Claim")
	Map<Claim, AidRequest> aidRequest(List<Claim> claims) {
		Map<String, AidRequest> found = this.needs
			.findAll(claims.stream().map(Claim::aidRequestId).collect(Collectors.toSet()));
		return claims.stream()
			.filter(claim -> found.containsKey(claim.aidRequestId()))
			.collect(Collectors.toMap(Function.identity(), claim -> found.get(claim.aidRequestId()), (a, b) -> a));
	}

	@BatchMapping(typeName = "Claim")
	Map<Claim, Organization> organization(List<Claim> claims) {
		Map<String, Organization> found = this.organizations
			.findByKeys(claims.stream().map(Claim::organizationKey).collect(Collectors.toSet()));
		return claims.stream()
			.filter(claim -> found.containsKey(claim.organizationKey()))
			.collect(Collectors.toMap(Function.identity(), claim -> found.get(claim.organizationKey()), (a, b) -> a));
	}

	/** Whether the caller may read the claim: the reach of the claim query. */
	static boolean reaches(Caller caller, Claim claim) {
		return caller != null && (caller.has(Role.ADMIN)
				|| (caller.has(Role.COORDINATOR) && caller.serves(claim.communityPcode()))
				|| (caller.has(Role.PARTNER) && Objects.equals(caller.organization(), claim.organizationKey())));
	}

	/** Shape of ClaimPayload. */
	record ClaimPayload(Claim claim, List<UserError> userErrors) {

		static ClaimPayload of(Claim claim) {
			return new ClaimPayload(claim, List.of());
		}

		static ClaimPayload failed(List<UserError> errors) {
			return new ClaimPayload(null, errors);
		}

	}

}
