package org.hromada.aid;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Optional;

import org.hromada.activity.ActivityService;
import org.hromada.aid.AidRequestInputs.ChangeAidRequestStatusInput;
import org.hromada.aid.AidRequestInputs.MarkDuplicateInput;
import org.hromada.aid.AidRequestInputs.TriageAidRequestInput;
import org.hromada.aid.AidRequestInputs.UpdateAidRequestInput;
import org.hromada.community.Community;
import org.hromada.community.CommunityService;
import org.hromada.graphql.InputValidation;
import org.hromada.graphql.UserError;
import org.hromada.graphql.UserErrorCode;
import org.hromada.graphql.UserErrorException;
import org.hromada.security.Access;
import org.hromada.security.Caller;
import org.hromada.security.Role;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Aid requests after logging: reading one, changing its content, triage, the status
 * lifecycle and duplicate confirmation. Every change checks the caller's reach, the
 * version the client read and the rules before writing, writes the one document
 * (optimistic lock), and records an activity.
 */
@Service
public class AidRequestService {

	private final AidRequestRepository repository;

	private final AidRequestContent content;

	private final CommunityService communities;

	private final InputValidation validation;

	private final AidRequestMapper mapper;

	private final ActivityService activities;

	private final Clock clock;

	private final MongoTemplate mongo;

	AidRequestService(AidRequestRepository repository, AidRequestContent content, CommunityService communities,
			InputValidation validation, AidRequestMapper mapper, ActivityService activities, Clock clock,
			MongoTemplate mongo) {
		this.repository = repository;
		this.mongo = mongo;
		this.content = content;
		this.communities = communities;
		this.validation = validation;
		this.mapper = mapper;
		this.activities = activities;
		this.clock = clock;
	}

	/** A request the caller may reach; FORBIDDEN for another community's request. */
	public Optional<AidRequest> find(String id, Access access) {
		return this.repository.findById(id).map(document -> {
			access.requireCommunity(document.getCommunityPcode());
			return this.mapper.toApi(document);
		});
	}

	/**
	 * Requests by id in one query, for other features that link to needs (a rebuilding
	 * project's linked needs), within the reach the aidRequest query gives the caller:
	 * admins and partners every request, volunteers and coordinators those of the
	 * communities they serve. Requests out of reach are left out, as in lists; their
	 * personal data is withheld per field by the sensitivity policy, as everywhere.
	 */
	public Map<String, AidRequest> findAll(Collection<String> ids, Caller caller) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Criteria criteria = Criteria.where("_id").in(ids);
		if (!caller.has(Role.ADMIN) && !caller.has(Role.PARTNER)) {
			criteria = criteria.and("communityPcode").in(caller.communities());
		}
		return this.mongo.find(new Query(criteria), AidRequestDocument.class)
			.stream()
			.map(this.mapper::toApi)
			.collect(Collectors.toMap(AidRequest::id, Function.identity()));
	}

	/**
	 * Which of the given ids name a request of the community, in one query: for features
	 * that link records of one community to its needs.
	 */
	public Set<String> idsInCommunity(Collection<String> ids, String communityPcode) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		Query query = new Query(Criteria.where("_id").in(ids).and("communityPcode").is(communityPcode));
		query.fields().include("_id");
		return this.mongo.find(query, AidRequestDocument.class)
			.stream()
			.map(AidRequestDocument::getId)
			.collect(Collectors.toSet());
	}

	AidRequest update(UpdateAidRequestInput input, Access access) {
		AidRequestDocument document = load(input.id(), access);
		access.requireSelf(document.getReportedBy(), document.getCommunityPcode());
		requireVersion(document, input.version());
		AidRequestFields current = this.mapper.toFields(document);
		AidRequestFields changed = input.applyTo(current);
		this.validation.require(changed, "input");
		if (changed.equals(current)) {
			return this.mapper.toApi(document);
		}
		this.content.apply(changed, document);
		this.content.prioritize(document, community(document));
		return save(document, access, "aidRequest.updated", "Aid request content changed");
	}

	AidRequest triage(TriageAidRequestInput input, Access access) {
		AidRequestDocument document = load(input.id(), input.version(), access);
		boolean overriding = input.priorityOverride() != null && input.priorityOverride().isPresent();
		if (overriding && (input.reason() == null || input.reason().isBlank() || input.reason().length() > 500)) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
					"A priority override needs a reason of 1 to 500 characters", "input", "reason"));
		}
		if (input.sector() != null) {
			document.setSector(input.sector());
		}
		if (overriding) {
			document.setPriorityOverride(new PriorityOverride(input.priorityOverride().value(), access.caller().id(),
					input.reason().strip(), this.clock.instant()));
		}
		else if (input.priorityOverride() != null && !input.priorityOverride().isOmitted()) {
			document.setPriorityOverride(null);
		}
		if (document.getStatus() == AidRequestStatus.NEW) {
			move(document, AidRequestStatus.TRIAGED, access, "Triaged");
		}
		this.content.prioritize(document, community(document));
		return save(document, access, "aidRequest.triaged", "Aid request triaged: " + document.getSector()
				+ ", priority " + document.getPriority() + (overriding ? " (override)" : ""));
	}

	AidRequest changeStatus(ChangeAidRequestStatusInput input, Access access) {
		this.validation.require(input, "input");
		AidRequestDocument document = load(input.id(), input.version(), access);
		if (input.status() == AidRequestStatus.DUPLICATE) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID_TRANSITION,
					"Use markDuplicate to mark a request as a duplicate of another", "input", "status"));
		}
		requireTransition(document, input.status());
		AidRequestStatus from = document.getStatus();
		move(document, input.status(), access, input.note());
		return save(document, access, "aidRequest.status." + input.status().name().toLowerCase(),
				"Aid request status " + from + " -> " + input.status());
	}

	AidRequest markDuplicate(MarkDuplicateInput input, Access access) {
		this.validation.require(input, "input");
		AidRequestDocument document = load(input.id(), input.version(), access);
		// A request of another community is answered like a missing one: the reply must
		// not tell
		// whether an id exists outside the caller's communities.
		AidRequestDocument original = this.repository.findById(input.duplicateOf())
			.filter(found -> found.getCommunityPcode().equals(document.getCommunityPcode()))
			.orElseThrow(() -> new UserErrorException(UserError.of(UserErrorCode.NOT_FOUND,
					"No aid request of this request's community has this id", "input", "duplicateOf")));
		if (original.getId().equals(document.getId()) || !original.getStatus().isOpen()) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
					"A request can duplicate only another open request", "input", "duplicateOf"));
		}
		requireTransition(document, AidRequestStatus.DUPLICATE);
		document.setDuplicateOf(original.getId());
		move(document, AidRequestStatus.DUPLICATE, access, input.note());
		return save(document, access, "aidRequest.duplicate", "Aid request marked duplicate of " + original.getId());
	}

	/** The request, if the caller may reach it, at the version the client read. */
	private AidRequestDocument load(String id, Long version, Access access) {
		AidRequestDocument document = load(id, access);
		requireVersion(document, version);
		return document;
	}

	private AidRequestDocument load(String id, Access access) {
		AidRequestDocument document = this.repository.findById(id)
			.orElseThrow(() -> new UserErrorException(
					UserError.of(UserErrorCode.NOT_FOUND, "No aid request has this id", "input", "id")));
		access.requireCommunity(document.getCommunityPcode());
		return document;
	}

	private static void requireVersion(AidRequestDocument document, Long version) {
		if (!document.getVersion().equals(version)) {
			throw new UserErrorException(UserError.of(UserErrorCode.CONFLICT, "The request is at version "
					+ document.getVersion() + ", not " + version + "; read it again and retry", "input", "version"));
		}
	}

	private static void requireTransition(AidRequestDocument document, AidRequestStatus next) {
		if (!document.getStatus().canMoveTo(next)) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID_TRANSITION,
					"A " + document.getStatus() + " request cannot become " + next + "; it can become "
							+ (document.getStatus().next().isEmpty() ? "nothing else" : document.getStatus().next()),
					"input", "status"));
		}
	}

	private void move(AidRequestDocument document, AidRequestStatus next, Access access, String note) {
		document.getStatusHistory()
			.add(new StatusChange(document.getStatus(), next, access.caller().id(), this.clock.instant(),
					(note != null && !note.isBlank()) ? note.strip() : null));
		document.setStatus(next);
	}

	private Community community(AidRequestDocument document) {
		return this.communities.findByPcode(document.getCommunityPcode())
			.orElseThrow(() -> new IllegalStateException("Aid request of an unknown community"));
	}

	private AidRequest save(AidRequestDocument document, Access access, String action, String summary) {
		AidRequestDocument saved = this.repository.save(document);
		this.activities.record(access.caller(), action, "AidRequest", saved.getId(), saved.getCommunityPcode(),
				summary);
		return this.mapper.toApi(saved);
	}

}
