package org.hromada.aid;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.HashMap;
import java.util.Optional;

import org.hromada.activity.ActivityService;
import org.hromada.aid.AidRequestInputs.ChangeAidRequestStatusInput;
import org.hromada.aid.AidRequestInputs.MarkDuplicateInput;
import org.hromada.aid.AidRequestInputs.TriageAidRequestInput;
import org.hromada.aid.AidRequestInputs.UpdateAidRequestInput;
import org.hromada.community.Community;
import org.hromada.community.CommunityService;
import org.hromada.graphql.InputValidation;
import org.hromada.graphql.Payloads;
import org.hromada.graphql.UserError;
import org.hromada.graphql.UserErrorCode;
import org.hromada.graphql.UserErrorException;
import org.hromada.security.Access;
import org.hromada.security.Caller;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
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

	private final ApplicationEventPublisher events;

	AidRequestService(AidRequestRepository repository, AidRequestContent content, CommunityService communities,
			InputValidation validation, AidRequestMapper mapper, ActivityService activities, Clock clock,
			MongoTemplate mongo, ApplicationEventPublisher events) {
		this.repository = repository;
		this.events = events;
		this.mongo = mongo;
		this.content = content;
		this.communities = communities;
		this.validation = validation;
		this.mapper = mapper;
		this.activities = activities;
		this.clock = clock;
	}

	/**
	 * The requests with the given ids that exist, by id, in one query, whoever asks: for
	 * the assignment feature, which applies its own access rules.
	 */
	public Map<String, AidRequest> findAll(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, AidRequest> found = new HashMap<>();
		this.repository.findAllById(ids).forEach(document -> found.put(document.getId(), this.mapper.toApi(document)));
		return found;
	}

	/**
	 * A volunteer accepted an assignment on the request: they may see its contact now,
	 * and a TRIAGED request becomes ASSIGNED. Nothing changes on a request that no longer
	 * takes volunteers (cancelled, a duplicate, fulfilled meanwhile).
	 */
	public void volunteerAccepted(String id, String volunteerId, Caller by) {
		change(id, by, document -> {
			if (!document.getStatus().isStaffable()) {
				return Change.NONE;
			}
			boolean changed = false;
			if (!document.getAssignedVolunteerIds().contains(volunteerId)) {
				document.getAssignedVolunteerIds().add(volunteerId);
				changed = true;
			}
			if (document.getStatus() == AidRequestStatus.TRIAGED) {
				return moved(document, AidRequestStatus.ASSIGNED, by, "A volunteer accepted");
			}
			return changed ? Change.VOLUNTEERS : Change.NONE;
		});
	}

	/** A volunteer checked in: an ASSIGNED request is IN_PROGRESS. */
	public void workStarted(String id, Caller by) {
		change(id, by, document -> (document.getStatus() == AidRequestStatus.ASSIGNED)
				? moved(document, AidRequestStatus.IN_PROGRESS, by, "A volunteer checked in") : Change.NONE);
	}

	/**
	 * A volunteer's assignment on the request ended: they no longer see its contact.
	 */
	public void volunteerUnassigned(String id, String volunteerId, Caller by) {
		change(id, by,
				document -> document.getAssignedVolunteerIds().remove(volunteerId) ? Change.VOLUNTEERS : Change.NONE);
	}

	/**
	 * No volunteer is committed to the request any more (the last assignment was
	 * cancelled or expired): an ASSIGNED or IN_PROGRESS request is TRIAGED again, free to
	 * be assigned.
	 */
	public void released(String id, Caller by) {
		change(id, by, document -> AidRequestStatus.RELEASABLE.contains(document.getStatus())
				? moved(document, AidRequestStatus.TRIAGED, by, "Released: no volunteer is committed") : Change.NONE);
	}

	/**
	 * The claim feature's news of the request's claim: mirrored for filters, reports and
	 * who sees what, unless the request already reflects a newer claim or a later version
	 * of this one (changes may arrive out of order). Not an activity of the request: the
	 * claim feature logs its own.
	 */
	public void claimChanged(String id, AidRequestClaim claim, Caller by) {
		change(id, by, document -> {
			if (!claim.isNewerThan(document.getClaim())) {
				return Change.NONE;
			}
			document.setClaim(claim);
			return Change.QUIET;
		});
	}

	/**
	 * What a change by the assignment or claim feature did to a request: nothing; a
	 * change that is not logged as the request's (the claim feature logs its own); the
	 * volunteers tied to it (who sees its contact); its status.
	 */
	private enum Change {

		NONE, QUIET, VOLUNTEERS, MOVED

	}

	private Change moved(AidRequestDocument document, AidRequestStatus next, Caller by, String note) {
		document.getStatusHistory()
			.add(new StatusChange(document.getStatus(), next, by.id(), this.clock.instant(), note));
		document.setStatus(next);
		return Change.MOVED;
	}

	/**
	 * Applies a change made on behalf of the assignment feature, retrying on a concurrent
	 * write (optimistic lock); a status move, or a volunteer tied or untied, is recorded
	 * in the activity log, so that aidRequestChanged subscribers see it too.
	 */
	private void change(String id, Caller by, java.util.function.Function<AidRequestDocument, Change> change) {
		for (int attempt = 0; attempt < 10; attempt++) {
			Optional<AidRequestDocument> found = this.repository.findById(id);
			if (found.isEmpty()) {
				return;
			}
			AidRequestDocument document = found.get();
			AidRequestStatus from = document.getStatus();
			Change outcome = change.apply(document);
			if (outcome == Change.NONE) {
				return;
			}
			try {
				AidRequestDocument saved = this.repository.save(document);
				if (outcome == Change.MOVED) {
					this.activities.record(by, "aidRequest.status." + saved.getStatus().name().toLowerCase(),
							"AidRequest", saved.getId(), saved.getCommunityPcode(),
							"Aid request status " + from + " -> " + saved.getStatus());
				}
				else if (outcome == Change.VOLUNTEERS) {
					this.activities.record(by, "aidRequest.volunteers", "AidRequest", saved.getId(),
							saved.getCommunityPcode(),
							"Aid request volunteers: " + saved.getAssignedVolunteerIds().size() + " assigned");
				}
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				// Changed meanwhile: apply the change to the new version.
			}
		}
		throw new OptimisticLockingFailureException("Aid request " + id + " keeps changing");
	}

	/** A request the caller may reach; FORBIDDEN for another community's request. */
	public Optional<AidRequest> find(String id, Access access) {
		return this.repository.findById(id).map(document -> {
			access.requireCommunity(document.getCommunityPcode());
			return this.mapper.toApi(document);
		});
	}

	/**
	 * The requests with the given ids that the access reaches, by id, in one query: the
	 * caller's community scope is part of the query, so nothing outside it is fetched.
	 */
	public Map<String, AidRequest> findAll(Collection<String> ids, Access access) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Criteria criteria = Criteria.where("_id").in(ids);
		Criteria scope = access.communityCriteria("communityPcode");
		Query query = new Query((scope != null) ? new Criteria().andOperator(criteria, scope) : criteria);
		return this.mongo.find(query, AidRequestDocument.class)
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
		Payloads.requireVersion("request", document.getVersion(), input.version());
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
		Sector sectorBefore = document.getSector();
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
		AidRequest saved = save(document, access, "aidRequest.triaged", "Aid request triaged: " + document.getSector()
				+ ", priority " + document.getPriority() + (overriding ? " (override)" : ""));
		if (saved.sector() != sectorBefore) {
			return told(saved, new AidRequestSectorChanged(saved.id(), saved.sector(), access.caller()));
		}
		return saved;
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
		AidRequest saved = save(document, access, "aidRequest.status." + input.status().name().toLowerCase(),
				"Aid request status " + from + " -> " + input.status());
		this.events.publishEvent(new AidRequestStatusChanged(saved.id(), saved.status(), access.caller()));
		// Fulfilled, closed or cancelled: the request takes no more work.
		if (!input.status().isStaffable()) {
			return told(saved, new AidRequestClosed(saved.id(), saved.status(), access.caller()));
		}
		return this.repository.findById(saved.id()).map(this.mapper::toApi).orElse(saved);
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
		AidRequest saved = save(document, access, "aidRequest.duplicate",
				"Aid request marked duplicate of " + original.getId());
		return told(saved, new AidRequestClosed(saved.id(), saved.status(), access.caller()));
	}

	/**
	 * Tells the features holding work on the request what changed (closed, another
	 * sector), and returns the request as they left it (ending an assignment unties its
	 * volunteer, a new version).
	 */
	private AidRequest told(AidRequest saved, Object event) {
		this.events.publishEvent(event);
		return this.repository.findById(saved.id()).map(this.mapper::toApi).orElse(saved);
	}

	/** The request, if the caller may reach it, at the version the client read. */
	private AidRequestDocument load(String id, Long version, Access access) {
		AidRequestDocument document = load(id, access);
		Payloads.requireVersion("request", document.getVersion(), version);
		return document;
	}

	private AidRequestDocument load(String id, Access access) {
		AidRequestDocument document = this.repository.findById(id)
			.orElseThrow(() -> new UserErrorException(
					UserError.of(UserErrorCode.NOT_FOUND, "No aid request has this id", "input", "id")));
		access.requireCommunity(document.getCommunityPcode());
		return document;
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
