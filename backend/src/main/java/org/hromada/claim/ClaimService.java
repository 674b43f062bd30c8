package org.hromada.claim;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.hromada.activity.ActivityService;
import org.hromada.aid.AidRequest;
import org.hromada.aid.AidRequestService;
import org.hromada.claim.ClaimInputs.ClaimAidRequestInput;
import org.hromada.graphql.InputValidation;
import org.hromada.graphql.StatusHistories;
import org.hromada.graphql.UserError;
import org.hromada.graphql.UserErrorCode;
import org.hromada.graphql.UserErrorException;
import org.hromada.organization.Organization;
import org.hromada.organization.OrganizationService;
import org.hromada.security.Access;
import org.hromada.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Organisation claims on needs: claiming, and every later change of a claim. Without
 * transactions: a new claim is one insert that two sparse unique indexes guard (one open
 * claim per need, the organisation's place under the cap), and every change is one write
 * of the claim conditioned on the version read, re-read and re-checked when it lost a
 * race. After each write the need's mirror of its claim is brought up to date (marked
 * pending in the claim's own write until then, see {@link ClaimMirrors}) and the change
 * is logged.
 */
@Service
class ClaimService {

	private static final int ATTEMPTS = 10;

	private static final Instant LATEST_DELIVERY = Instant.parse("2100-01-01T00:00:00Z");

	private final MongoTemplate mongo;

	private final AidRequestService needs;

	private final OrganizationService organizations;

	private final ClaimCap cap;

	private final ClaimSettings settings;

	private final InputValidation validation;

	private final ActivityService activities;

	private final Clock clock;

	private final ClaimMirrors mirrors;

	ClaimService(MongoTemplate mongo, AidRequestService needs, OrganizationService organizations, ClaimCap cap,
			ClaimSettings settings, InputValidation validation, ActivityService activities, Clock clock,
			ClaimMirrors mirrors) {
		this.mongo = mongo;
		this.needs = needs;
		this.mirrors = mirrors;
		this.organizations = organizations;
		this.cap = cap;
		this.settings = settings;
		this.validation = validation;
		this.activities = activities;
		this.clock = clock;
	}

	Claim claim(ClaimAidRequestInput input, Access access) {
		this.validation.require(input, "input");
		String organizationKey = (input.organizationKey() != null) ? input.organizationKey()
				: access.caller().organization();
		if (organizationKey == null) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
					"Name the organisation that claims the need", "input", "organizationKey"));
		}
		// Checked first, so that naming another organisation's key tells nothing about
		// the
		// need.
		access.requireOrganization(organizationKey, null);
		AidRequest need = this.needs.findAll(Set.of(input.aidRequestId()))
			.values()
			.stream()
			.findFirst()
			.orElseThrow(() -> new UserErrorException(
					UserError.of(UserErrorCode.NOT_FOUND, "No aid request has this id", "input", "aidRequestId")));
		requireOrganization(organizationKey, "input", "organizationKey");
		if (!need.status().isOpen()) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID_TRANSITION,
					"A " + need.status() + " need cannot be claimed; only open needs can", "input", "aidRequestId"));
		}
		Instant now = this.clock.instant();
		Instant deliverBy = input.deliverBy().toInstant();
		if (!deliverBy.isAfter(now) || deliverBy.isAfter(LATEST_DELIVERY)) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
					"deliverBy must be in the future and before 2100", "input", "deliverBy"));
		}
		requireUnclaimed(need.id());
		ClaimDocument claim = new ClaimDocument();
		claim.setAidRequestId(need.id());
		claim.setCommunityPcode(need.communityPcode());
		claim.setOrganizationKey(organizationKey);
		claim.setStatus(ClaimStatus.PENDING);
		claim.setProvides(input.provides().strip());
		claim.setDeliverBy(deliverBy);
		claim.setClaimedBy(access.caller().id());
		claim.setClaimedAt(now);
		claim.setLastProgressAt(now);
		claim.setOpenNeedId(need.id());
		claim.getHistory()
			.add(new ClaimEvent(ClaimEvent.Kind.CLAIMED, ClaimStatus.PENDING, organizationKey, access.caller().id(),
					now, claim.getProvides()));
		ClaimMirrors.pending(claim);
		ClaimDocument saved = saveInPlace(claim, "input", "aidRequestId");
		return logged(saved, access.caller(), "claim.created",
				"Organisation " + organizationKey + " claimed aid request " + need.id());
	}

	Claim release(ClaimInputs.ReleaseClaimInput input, Access access) {
		this.validation.require(input, "input");
		return change(input.id(), access, ClaimEvent.Kind.RELEASED, ClaimStatus.RELEASED, input.reason(), claim -> {
		}, "claim.released", claim -> "Organisation " + claim.getOrganizationKey() + " released its claim");
	}

	Claim reportProgress(ClaimInputs.ReportClaimProgressInput input, Access access) {
		this.validation.require(input, "input");
		return change(input.id(), access, ClaimEvent.Kind.PROGRESS, null, input.note(), claim -> {
		}, "claim.progress", claim -> "Organisation " + claim.getOrganizationKey() + " reported progress");
	}

	Claim confirm(ClaimInputs.ConfirmClaimInput input, Access access) {
		this.validation.require(input, "input");
		return change(input.id(), access, ClaimEvent.Kind.CONFIRMED, ClaimStatus.CONFIRMED, input.note(),
				claim -> requireStatus(claim, ClaimStatus.PENDING, ClaimStatus.CONFIRMED), "claim.confirmed",
				claim -> "Claim of organisation " + claim.getOrganizationKey()
						+ " confirmed: its partners see the need's restricted fields and contact while it lasts");
	}

	Claim reject(ClaimInputs.RejectClaimInput input, Access access) {
		this.validation.require(input, "input");
		return change(input.id(), access, ClaimEvent.Kind.REJECTED, ClaimStatus.REJECTED, input.reason(), claim -> {
		}, "claim.rejected", claim -> "Claim of organisation " + claim.getOrganizationKey() + " rejected");
	}

	/**
	 * Hands an open claim to another organisation, confirmed: a coordinator's transfer is
	 * their decision on who does the work. The new holder needs a free place under the
	 * cap in the community.
	 */
	Claim transfer(ClaimInputs.TransferClaimInput input, Access access) {
		this.validation.require(input, "input");
		requireOrganization(input.organizationKey(), "input", "organizationKey");
		String[] from = new String[1];
		return change(input.id(), access, ClaimEvent.Kind.TRANSFERRED, ClaimStatus.CONFIRMED, input.reason(), claim -> {
			if (claim.getOrganizationKey().equals(input.organizationKey())) {
				throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
						"The claim is held by this organisation already", "input", "organizationKey"));
			}
			from[0] = claim.getOrganizationKey();
			claim.setOrganizationKey(input.organizationKey());
			claim.setCapSlot(null);
		}, "claim.transferred",
				claim -> "Claim transferred from organisation " + from[0] + " to " + claim.getOrganizationKey());
	}

	/** A claim the caller may reach: its community's coordinators, its organisation. */
	Optional<Claim> find(String id, Access access) {
		return Optional.ofNullable(this.mongo.findById(id, ClaimDocument.class)).map(claim -> {
			requireReach(claim, access);
			return toApi(claim);
		});
	}

	/**
	 * The open claims whose last progress is older than the timeout, oldest first, among
	 * those matching the scope if any.
	 */
	List<String> due(Instant now, int batch, Criteria scope) {
		Criteria due = Criteria.where("status")
			.in(ClaimStatus.OPEN)
			.and("lastProgressAt")
			.lt(now.minus(this.settings.progressTimeout()));
		Query query = new Query((scope != null) ? new Criteria().andOperator(due, scope) : due);
		query.fields().include("_id");
		query.with(org.springframework.data.domain.Sort.by("lastProgressAt")).limit(batch);
		return this.mongo.find(query, ClaimDocument.class).stream().map(ClaimDocument::getId).toList();
	}

	/**
	 * Expires the claim if it is still open and without progress: one write conditioned
	 * on the version read, so of replicas running this at once one wins, and only the
	 * winner logs the expiry. A need that moved since the claim's last progress counts as
	 * progress; a need no longer open ends the claim instead. Returns whether this call
	 * expired it.
	 */
	boolean expire(String id, Instant now) {
		ClaimDocument claim = this.mongo.findById(id, ClaimDocument.class);
		if (claim == null || !claim.getStatus().isOpen()) {
			return false;
		}
		AidRequest need = this.needs.findAll(Set.of(claim.getAidRequestId())).get(claim.getAidRequestId());
		if (need == null || !need.status().isOpen()) {
			needEnded(claim.getAidRequestId());
			return false;
		}
		Instant moved = need.statusHistory()
			.stream()
			.map(AidRequest.StatusChangeView::at)
			.max(Instant::compareTo)
			.orElse(Instant.MIN);
		try {
			if (moved.isAfter(claim.getLastProgressAt())) {
				claim.setLastProgressAt(moved);
				this.mongo.save(claim);
				return false;
			}
			if (claim.getLastProgressAt().isAfter(now.minus(this.settings.progressTimeout()))) {
				return false;
			}
			end(claim, ClaimEvent.Kind.EXPIRED, ClaimStatus.EXPIRED, Caller.SYSTEM, now,
					"No progress for " + this.settings.progressTimeout());
			ClaimDocument saved = this.mongo.save(claim);
			logged(saved, Caller.SYSTEM, "claim.expired", "Claim of organisation " + saved.getOrganizationKey()
					+ " expired without progress; the need is back in the queue");
			return true;
		}
		catch (OptimisticLockingFailureException ex) {
			// Another replica, or the organisation, changed the claim first.
			return false;
		}
	}

	/**
	 * The need moved on (a coordinator changed its status): progress of its open claim,
	 * or, once the need is no longer open, the claim's end (COMPLETED when it was
	 * confirmed and the need was met, else CLOSED).
	 */
	void needMoved(String aidRequestId) {
		AidRequest need = this.needs.findAll(Set.of(aidRequestId)).get(aidRequestId);
		if (need != null && !need.status().isOpen()) {
			needEnded(aidRequestId);
			return;
		}
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			ClaimDocument claim = openClaimOf(aidRequestId);
			if (claim == null) {
				return;
			}
			claim.setLastProgressAt(this.clock.instant());
			try {
				this.mongo.save(claim);
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				// Changed meanwhile: read it again.
			}
		}
	}

	/** Ends the open claim of a need that is no longer open. */
	void needEnded(String aidRequestId) {
		AidRequest need = this.needs.findAll(Set.of(aidRequestId)).get(aidRequestId);
		boolean met = need != null && (need.status() == org.hromada.aid.AidRequestStatus.FULFILLED
				|| need.status() == org.hromada.aid.AidRequestStatus.CLOSED);
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			ClaimDocument claim = openClaimOf(aidRequestId);
			if (claim == null) {
				return;
			}
			boolean completed = met && claim.getStatus() == ClaimStatus.CONFIRMED;
			end(claim, completed ? ClaimEvent.Kind.COMPLETED : ClaimEvent.Kind.CLOSED,
					completed ? ClaimStatus.COMPLETED : ClaimStatus.CLOSED, Caller.SYSTEM, this.clock.instant(),
					"The need is " + ((need != null) ? need.status() : "gone"));
			try {
				ClaimDocument saved = this.mongo.save(claim);
				logged(saved, Caller.SYSTEM, completed ? "claim.completed" : "claim.closed",
						"Claim of organisation " + saved.getOrganizationKey() + " ended: the need is "
								+ ((need != null) ? need.status() : "gone"));
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				// Changed meanwhile: read it again.
			}
		}
	}

	Claim toApi(ClaimDocument claim) {
		Instant expiresAt = claim.getStatus().isOpen() ? claim.getLastProgressAt().plus(this.settings.progressTimeout())
				: null;
		return new Claim(claim.getId(), claim.getVersion(), claim.getAidRequestId(), claim.getCommunityPcode(),
				claim.getOrganizationKey(), claim.getStatus(), claim.getProvides(), claim.getDeliverBy(),
				claim.getClaimedBy(), claim.getClaimedAt(), claim.getLastProgressAt(), expiresAt,
				List.copyOf(StatusHistories.latest(claim.getHistory())), claim.getCreatedAt(), claim.getUpdatedAt());
	}

	/**
	 * Applies one change to an open claim, checked against the caller's reach (partners:
	 * their organisation's claim; coordinators: their community's), and writes it
	 * conditioned on the version read, re-reading after a lost race. {@code next} null
	 * keeps the status (a progress note).
	 */
	private Claim change(String id, Access access, ClaimEvent.Kind kind, ClaimStatus next, String note,
			Consumer<ClaimDocument> check, String action, java.util.function.Function<ClaimDocument, String> summary) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			ClaimDocument claim = this.mongo.findById(id, ClaimDocument.class);
			if (claim == null) {
				throw new UserErrorException(
						UserError.of(UserErrorCode.NOT_FOUND, "No claim has this id", "input", "id"));
			}
			requireReach(claim, access);
			if (!claim.getStatus().isOpen()) {
				throw new UserErrorException(UserError.of(UserErrorCode.INVALID_TRANSITION,
						"The claim is " + claim.getStatus() + ": only an open claim can change", "input", "id"));
			}
			check.accept(claim);
			Instant now = this.clock.instant();
			String text = (note != null && !note.isBlank()) ? note.strip() : null;
			if (next == null || next.isOpen()) {
				if (next != null) {
					claim.setStatus(next);
				}
				claim.setLastProgressAt(now);
				claim.getHistory()
					.add(new ClaimEvent(kind, claim.getStatus(), claim.getOrganizationKey(), access.caller().id(), now,
							text));
				ClaimMirrors.pending(claim);
			}
			else {
				end(claim, kind, next, access.caller(), now, text);
			}
			try {
				ClaimDocument saved = (claim.getStatus().isOpen() && claim.getCapSlot() == null)
						? saveInPlace(claim, "input", "organizationKey") : this.mongo.save(claim);
				return logged(saved, access.caller(), action, summary.apply(saved));
			}
			catch (OptimisticLockingFailureException ex) {
				// Changed meanwhile: read it again and check the rules on the new
				// version.
			}
		}
		throw new OptimisticLockingFailureException("Claim " + id + " keeps changing");
	}

	/**
	 * Writes an open claim that needs a place under the cap, trying the organisation's
	 * free places in turn: a unique index refuses a place taken meanwhile, or the need if
	 * another claim took it first (refused naming the holder).
	 */
	private ClaimDocument saveInPlace(ClaimDocument claim, String... capPath) {
		boolean isNew = claim.getId() == null;
		for (String slot : this.cap.freeSlots(claim.getOrganizationKey(), claim.getCommunityPcode(), capPath)) {
			claim.setCapSlot(slot);
			try {
				return this.mongo.save(claim);
			}
			catch (DuplicateKeyException ex) {
				if (isNew) {
					claim.setId(null);
					claim.setVersion(null);
					requireUnclaimed(claim.getAidRequestId());
				}
				// Otherwise the place was taken meanwhile: try the next one.
			}
		}
		throw this.cap.full(claim.getOrganizationKey(), claim.getCommunityPcode(), capPath);
	}

	private void end(ClaimDocument claim, ClaimEvent.Kind kind, ClaimStatus status, Caller by, Instant at,
			String note) {
		claim.setStatus(status);
		claim.setOpenNeedId(null);
		claim.setCapSlot(null);
		claim.getHistory().add(new ClaimEvent(kind, status, claim.getOrganizationKey(), by.id(), at, note));
		ClaimMirrors.pending(claim);
	}

	/** Refuses a claim on a need another claim holds, naming the holder. */
	private void requireUnclaimed(String aidRequestId) {
		ClaimDocument holder = openClaimOf(aidRequestId);
		if (holder != null) {
			Organization organization = this.organizations.findByKey(holder.getOrganizationKey()).orElse(null);
			String name = (organization != null) ? organization.name().en() + " (" + holder.getOrganizationKey() + ")"
					: holder.getOrganizationKey();
			throw new UserErrorException(UserError.of(UserErrorCode.CONFLICT, "This need is already claimed by " + name
					+ " (" + holder.getStatus()
					+ "); it can be claimed again once that claim ends, or a coordinator of its community transfers it",
					"input", "aidRequestId"));
		}
	}

	private ClaimDocument openClaimOf(String aidRequestId) {
		return this.mongo.findOne(new Query(Criteria.where("openNeedId").is(aidRequestId)), ClaimDocument.class);
	}

	private void requireOrganization(String key, String... path) {
		if (this.organizations.findByKey(key).isEmpty()) {
			throw new UserErrorException(UserError.of(UserErrorCode.NOT_FOUND, "No organisation has this key", path));
		}
	}

	private static void requireStatus(ClaimDocument claim, ClaimStatus expected, ClaimStatus next) {
		if (claim.getStatus() != expected) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID_TRANSITION,
					"A " + claim.getStatus() + " claim cannot become " + next, "input", "id"));
		}
	}

	private static void requireReach(ClaimDocument claim, Access access) {
		access.requireCommunity(claim.getCommunityPcode());
		access.requireOrganization(claim.getOrganizationKey(), claim.getCommunityPcode());
	}

	/**
	 * Tells the need (a second write: {@link ClaimMirrors} repairs it if it never
	 * happens), logs the change and returns the claim as the API shows it.
	 */
	private Claim logged(ClaimDocument claim, Caller by, String action, String summary) {
		this.mirrors.mirror(claim, by);
		this.activities.record(by, action, "Claim", claim.getId(), claim.getCommunityPcode(),
				summary + " (aid request " + claim.getAidRequestId() + ")");
		return toApi(claim);
	}

}
