package org.hromada.aid;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hromada.aid.AidRequestInputs.AidRequestFilter;
import org.hromada.aid.AidRequestInputs.ChangeAidRequestStatusInput;
import org.hromada.aid.AidRequestInputs.LogAidRequestInput;
import org.hromada.aid.AidRequestInputs.LogAidRequestsInput;
import org.hromada.aid.AidRequestInputs.MarkDuplicateInput;
import org.hromada.aid.AidRequestInputs.TriageAidRequestInput;
import org.hromada.aid.AidRequestInputs.UpdateAidRequestInput;
import org.hromada.community.Community;
import org.hromada.community.CommunityService;
import org.hromada.graphql.GeoPoint;
import org.hromada.graphql.Pages;
import org.hromada.graphql.Payloads;
import org.hromada.graphql.UserError;
import org.hromada.graphql.UserErrorException;
import org.hromada.security.Access;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class AidRequestController {

	private final AidRequestService requests;

	private final AidRequestIntake intake;

	private final AidRequestSearch search;

	private final CommunityService communities;

	AidRequestController(AidRequestService requests, AidRequestIntake intake, AidRequestSearch search,
			CommunityService communities) {
		this.requests = requests;
		this.intake = intake;
		this.search = search;
		this.communities = communities;
	}

	@QueryMapping
	AidRequest aidRequest(@Argument String id, Access access) {
		return this.requests.find(id, access).orElse(null);
	}

	@QueryMapping
	Window<AidRequest> aidRequests(@Argument AidRequestFilter filter, @Argument AidRequestOrder orderBy,
			@Argument Integer first, ScrollSubrange subrange, Access access) {
		return this.search.list((filter != null) ? filter : AidRequestFilter.NONE,
				(orderBy != null) ? orderBy : AidRequestOrder.CREATED, Pages.position(subrange), Pages.limit(first),
				access);
	}

	@QueryMapping
	List<AidRequestSearch.Nearby> aidRequestsNear(@Argument GeoPoint point, @Argument double radiusKm,
			@Argument AidRequestFilter filter, @Argument Integer first, Access access) {
		int count = Pages.limit(first).max();
		return this.search.near(point, radiusKm, (filter != null) ? filter : AidRequestFilter.NONE, count, access);
	}

	/**
	 * The people of a request, judged by it (the groups are RESTRICTED in protection
	 * sectors).
	 */
	@SchemaMapping(typeName = "AidRequest")
	PeopleView peopleAffected(AidRequest request) {
		return PeopleView.of(request.peopleAffected(), request, request.sector());
	}

	/** The communities of a page of requests, in one query. */
	@BatchMapping(typeName = "AidRequest")
	Map<AidRequest, Community> community(List<AidRequest> requests) {
		Set<String> pcodes = requests.stream().map(AidRequest::communityPcode).collect(Collectors.toSet());
		Map<String, Community> byPcode = this.communities.findByPcodes(pcodes);
		return requests.stream()
			.collect(Collectors.toMap(Function.identity(), request -> byPcode.get(request.communityPcode()),
					(first, second) -> first));
	}

	@MutationMapping
	LogPayload logAidRequest(@Argument LogAidRequestInput input, Access access) {
		try {
			AidRequestIntake.Logged logged = this.intake.log(input, access, "input");
			return new LogPayload(logged.aidRequest(), logged.created(), List.of());
		}
		catch (UserErrorException ex) {
			return new LogPayload(null, false, ex.errors());
		}
	}

	@MutationMapping
	BatchPayload logAidRequests(@Argument LogAidRequestsInput input, Access access) {
		try {
			return new BatchPayload(this.intake.logAll(input.items(), access), List.of());
		}
		catch (UserErrorException ex) {
			return new BatchPayload(List.of(), ex.errors());
		}
	}

	@MutationMapping
	AidRequestPayload updateAidRequest(@Argument UpdateAidRequestInput input, Access access) {
		return Payloads.of(() -> this.requests.update(input, access), AidRequestPayload::of, AidRequestPayload::failed);
	}

	@MutationMapping
	AidRequestPayload triageAidRequest(@Argument TriageAidRequestInput input, Access access) {
		return Payloads.of(() -> this.requests.triage(input, access), AidRequestPayload::of, AidRequestPayload::failed);
	}

	@MutationMapping
	AidRequestPayload changeAidRequestStatus(@Argument ChangeAidRequestStatusInput input, Access access) {
		return Payloads.of(() -> this.requests.changeStatus(input, access), AidRequestPayload::of,
				AidRequestPayload::failed);
	}

	@MutationMapping
	AidRequestPayload markDuplicate(@Argument MarkDuplicateInput input, Access access) {
		return Payloads.of(() -> this.requests.markDuplicate(input, access), AidRequestPayload::of,
				AidRequestPayload::failed);
	}

	/** Shape of LogAidRequestPayload. */
	record LogPayload(AidRequest aidRequest, boolean created, List<UserError> userErrors) {

	}

	/** Shape of LogAidRequestsPayload. */
	record BatchPayload(List<AidRequestIntake.ItemResult> results, List<UserError> userErrors) {

	}

	/** Shape of AidRequestPayload. */
	record AidRequestPayload(AidRequest aidRequest, List<UserError> userErrors) {

		static AidRequestPayload of(AidRequest request) {
			return new AidRequestPayload(request, List.of());
		}

		static AidRequestPayload failed(List<UserError> errors) {
			return new AidRequestPayload(null, errors);
		}

	}

}
