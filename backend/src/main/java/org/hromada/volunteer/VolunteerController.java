package org.hromada.volunteer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hromada.aid.AidRequest;
import org.hromada.graphql.Pages;
import org.hromada.graphql.Payloads;
import org.hromada.graphql.UserError;
import org.hromada.security.Access;
import org.hromada.volunteer.VolunteerInputs.SetVolunteerVettingInput;
import org.hromada.volunteer.VolunteerInputs.UpdateMyProfileInput;
import org.hromada.volunteer.VolunteerInputs.VolunteerFilter;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class VolunteerController {

	private final VolunteerService volunteers;

	private final VolunteerRegistration registration;

	VolunteerController(VolunteerService volunteers, VolunteerRegistration registration) {
		this.volunteers = volunteers;
		this.registration = registration;
	}

	@MutationMapping
	RegisterVolunteerPayload registerVolunteer(@Argument VolunteerRegistration.RegisterVolunteerInput input,
			Access access) {
		return Payloads.of(() -> this.registration.register(input, access),
				registered -> new RegisterVolunteerPayload(registered.volunteer(), registered.setupLink(),
						registered.setupLinkExpiresAt(), List.of()),
				errors -> new RegisterVolunteerPayload(null, null, null, errors));
	}

	@QueryMapping
	Volunteer myVolunteerProfile(Access access) {
		return this.volunteers.me(access.caller());
	}

	@QueryMapping
	Volunteer volunteer(@Argument String id, Access access) {
		return this.volunteers.find(id, access).orElse(null);
	}

	@QueryMapping
	Window<Volunteer> volunteers(@Argument VolunteerFilter filter, @Argument Integer first, ScrollSubrange subrange,
			Access access) {
		return this.volunteers.list((filter != null) ? filter : VolunteerFilter.NONE, Pages.position(subrange),
				Pages.limit(first), access);
	}

	@MutationMapping
	VolunteerPayload updateMyProfile(@Argument UpdateMyProfileInput input, Access access) {
		return Payloads.of(() -> this.volunteers.updateMyProfile(input, access), VolunteerPayload::of,
				VolunteerPayload::failed);
	}

	@MutationMapping
	VolunteerPayload setVolunteerVetting(@Argument SetVolunteerVettingInput input, Access access) {
		return Payloads.of(() -> this.volunteers.setVetting(input, access), VolunteerPayload::of,
				VolunteerPayload::failed);
	}

	/** The profiles of who logged a page of requests, in one query. */
	@BatchMapping(typeName = "AidRequest")
	Map<AidRequest, Volunteer> reporter(List<AidRequest> requests) {
		Set<String> ids = requests.stream().map(AidRequest::reportedBy).collect(Collectors.toSet());
		Map<String, Volunteer> byId = this.volunteers.findAll(ids);
		return requests.stream()
			.filter(request -> byId.containsKey(request.reportedBy()))
			.collect(Collectors.toMap(Function.identity(), request -> byId.get(request.reportedBy()),
					(first, second) -> first));
	}

	/** Shape of RegisterVolunteerPayload. */
	record RegisterVolunteerPayload(Volunteer volunteer, String setupLink, java.time.Instant setupLinkExpiresAt,
			List<UserError> userErrors) {

	}

	/** Shape of VolunteerPayload. */
	record VolunteerPayload(Volunteer volunteer, List<UserError> userErrors) {

		static VolunteerPayload of(Volunteer volunteer) {
			return new VolunteerPayload(volunteer, List.of());
		}

		static VolunteerPayload failed(List<UserError> errors) {
			return new VolunteerPayload(null, errors);
		}

	}

}
