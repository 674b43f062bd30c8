package org.hromada.claim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hromada.store.AuditedDocument;

import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organisation's claim on a need, as stored. While the claim is open it carries two
 * keys that unique indexes guard, so that one insert or update decides atomically on any
 * store: {@code openNeedId} (the need's id: one open claim per need) and {@code capSlot}
 * (one of the organisation's numbered places in the community: at most the cap of open
 * claims). Both are removed when the claim ends; the indexes are sparse, so ended claims
 * never collide.
 *
 * <p>
 * {@code mirrorPending} is set (true) by every write that changes what the need mirrors
 * of its claim, in that same write, and removed once the need's mirror is written
 * ({@link ClaimMirrors}): a claim that keeps it was written but not yet mirrored, for
 * instance because the process stopped between the two writes.
 */
@Document(ClaimDocument.COLLECTION)
class ClaimDocument extends AuditedDocument {

	static final String COLLECTION = "claims";

	private String aidRequestId;

	private String communityPcode;

	private String organizationKey;

	private ClaimStatus status;

	private String provides;

	private Instant deliverBy;

	private String claimedBy;

	private Instant claimedAt;

	private Instant lastProgressAt;

	private String openNeedId;

	private String capSlot;

	private List<ClaimEvent> history = new ArrayList<>();

	private Boolean mirrorPending;

	String getAidRequestId() {
		return this.aidRequestId;
	}

	void setAidRequestId(String aidRequestId) {
		this.aidRequestId = aidRequestId;
	}

	String getCommunityPcode() {
		return this.communityPcode;
	}

	void setCommunityPcode(String communityPcode) {
		this.communityPcode = communityPcode;
	}

	String getOrganizationKey() {
		return this.organizationKey;
	}

	void setOrganizationKey(String organizationKey) {
		this.organizationKey = organizationKey;
	}

	ClaimStatus getStatus() {
		return this.status;
	}

	void setStatus(ClaimStatus status) {
		this.status = status;
	}

	String getProvides() {
		return this.provides;
	}

	void setProvides(String provides) {
		this.provides = provides;
	}

	Instant getDeliverBy() {
		return this.deliverBy;
	}

	void setDeliverBy(Instant deliverBy) {
		this.deliverBy = deliverBy;
	}

	String getClaimedBy() {
		return this.claimedBy;
	}

	void setClaimedBy(String claimedBy) {
		this.claimedBy = claimedBy;
	}

	Instant getClaimedAt() {
		return this.claimedAt;
	}

	void setClaimedAt(Instant claimedAt) {
		this.claimedAt = claimedAt;
	}

	Instant getLastProgressAt() {
		return this.lastProgressAt;
	}

	void setLastProgressAt(Instant lastProgressAt) {
		this.lastProgressAt = lastProgressAt;
	}

	String getOpenNeedId() {
		return this.openNeedId;
	}

	void setOpenNeedId(String openNeedId) {
		this.openNeedId = openNeedId;
	}

	String getCapSlot() {
		return this.capSlot;
	}

	void setCapSlot(String capSlot) {
		this.capSlot = capSlot;
	}

	Boolean getMirrorPending() {
		return this.mirrorPending;
	}

	void setMirrorPending(Boolean mirrorPending) {
		this.mirrorPending = mirrorPending;
	}

	List<ClaimEvent> getHistory() {
		return this.history;
	}

	void setHistory(List<ClaimEvent> history) {
		this.history = history;
	}

}
