package org.hromada.aid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hromada.store.AuditedDocument;
import org.hromada.store.StoredLocation;

import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An aid request as stored. Besides what the API shows it keeps what its queries need:
 * the priority rank and a sortable needed-by for ordering, search tokens (title and
 * description, and title alone for callers who may not read descriptions), H3 cells of
 * the location for proximity, and fingerprints of the contact phone and of the submission
 * (for duplicates and idempotent retries) instead of clear values.
 */
@Document(AidRequestDocument.COLLECTION)
class AidRequestDocument extends AuditedDocument {

	static final String COLLECTION = "aidRequests";

	/** Sort value of a request without a needed-by date: after every real date. */
	static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

	private String communityPcode;

	private Sector sector;

	private String title;

	private String description;

	private Double quantity;

	private String unit;

	private PeopleAffected people;

	private Urgency urgency;

	private Priority priority;

	private int priorityRank;

	private double priorityScore;

	private List<PriorityFactor> priorityFactors = new ArrayList<>();

	private Instant priorityComputedAt;

	private PriorityOverride priorityOverride;

	private StoredLocation location;

	private Contact contact;

	private String contactFingerprint;

	private String reportedBy;

	private String reporterName;

	private Instant neededBy;

	private Instant neededBySort;

	private String clientRequestId;

	private String submissionFingerprint;

	private List<String> possibleDuplicateIds = new ArrayList<>();

	private String duplicateOf;

	private AidRequestStatus status;

	private List<StatusChange> statusHistory = new ArrayList<>();

	/** Volunteers who accepted an assignment on the request: they see its contact. */
	private List<String> assignedVolunteerIds = new ArrayList<>();

	/**
	 * The latest organisation claim on the request, mirrored from the claim feature: for
	 * filters, reports and who sees what.
	 */
	private AidRequestClaim claim;

	/** The claim's state on its own, for the indexed claim filters. */
	private ClaimState claimState = ClaimState.UNCLAIMED;

	/** The holding organisation on its own while claimed, for the indexed filters. */
	private String claimOrganization;

	private List<String> searchTokens = new ArrayList<>();

	private List<String> titleTokens = new ArrayList<>();

	public String getCommunityPcode() {
		return this.communityPcode;
	}

	public void setCommunityPcode(String communityPcode) {
		this.communityPcode = communityPcode;
	}

	public Sector getSector() {
		return this.sector;
	}

	public void setSector(Sector sector) {
		this.sector = sector;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Double getQuantity() {
		return this.quantity;
	}

	public void setQuantity(Double quantity) {
		this.quantity = quantity;
	}

	public String getUnit() {
		return this.unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public PeopleAffected getPeople() {
		return this.people;
	}

	public void setPeople(PeopleAffected people) {
		this.people = people;
	}

	public Urgency getUrgency() {
		return this.urgency;
	}

	public void setUrgency(Urgency urgency) {
		this.urgency = urgency;
	}

	public Priority getPriority() {
		return this.priority;
	}

	public void setPriority(Priority priority) {
		this.priority = priority;
	}

	public int getPriorityRank() {
		return this.priorityRank;
	}

	public void setPriorityRank(int priorityRank) {
		this.priorityRank = priorityRank;
	}

	public double getPriorityScore() {
		return this.priorityScore;
	}

	public void setPriorityScore(double priorityScore) {
		this.priorityScore = priorityScore;
	}

	public List<PriorityFactor> getPriorityFactors() {
		return this.priorityFactors;
	}

	public void setPriorityFactors(List<PriorityFactor> priorityFactors) {
		this.priorityFactors = priorityFactors;
	}

	public Instant getPriorityComputedAt() {
		return this.priorityComputedAt;
	}

	public void setPriorityComputedAt(Instant priorityComputedAt) {
		this.priorityComputedAt = priorityComputedAt;
	}

	public PriorityOverride getPriorityOverride() {
		return this.priorityOverride;
	}

	public void setPriorityOverride(PriorityOverride priorityOverride) {
		this.priorityOverride = priorityOverride;
	}

	public StoredLocation getLocation() {
		return this.location;
	}

	public void setLocation(StoredLocation location) {
		this.location = location;
	}

	public Contact getContact() {
		return this.contact;
	}

	public void setContact(Contact contact) {
		this.contact = contact;
	}

	public String getContactFingerprint() {
		return this.contactFingerprint;
	}

	public void setContactFingerprint(String contactFingerprint) {
		this.contactFingerprint = contactFingerprint;
	}

	public String getReportedBy() {
		return this.reportedBy;
	}

	public void setReportedBy(String reportedBy) {
		this.reportedBy = reportedBy;
	}

	public String getReporterName() {
		return this.reporterName;
	}

	public void setReporterName(String reporterName) {
		this.reporterName = reporterName;
	}

	public Instant getNeededBy() {
		return this.neededBy;
	}

	public void setNeededBy(Instant neededBy) {
		this.neededBy = neededBy;
	}

	public Instant getNeededBySort() {
		return this.neededBySort;
	}

	public void setNeededBySort(Instant neededBySort) {
		this.neededBySort = neededBySort;
	}

	public String getClientRequestId() {
		return this.clientRequestId;
	}

	public void setClientRequestId(String clientRequestId) {
		this.clientRequestId = clientRequestId;
	}

	public String getSubmissionFingerprint() {
		return this.submissionFingerprint;
	}

	public void setSubmissionFingerprint(String submissionFingerprint) {
		this.submissionFingerprint = submissionFingerprint;
	}

	public List<String> getPossibleDuplicateIds() {
		return this.possibleDuplicateIds;
	}

	public void setPossibleDuplicateIds(List<String> possibleDuplicateIds) {
		this.possibleDuplicateIds = possibleDuplicateIds;
	}

	public String getDuplicateOf() {
		return this.duplicateOf;
	}

	public void setDuplicateOf(String duplicateOf) {
		this.duplicateOf = duplicateOf;
	}

	public AidRequestStatus getStatus() {
		return this.status;
	}

	public void setStatus(AidRequestStatus status) {
		this.status = status;
	}

	public List<StatusChange> getStatusHistory() {
		return this.statusHistory;
	}

	public void setStatusHistory(List<StatusChange> statusHistory) {
		this.statusHistory = statusHistory;
	}

	public List<String> getAssignedVolunteerIds() {
		return this.assignedVolunteerIds;
	}

	public void setAssignedVolunteerIds(List<String> assignedVolunteerIds) {
		this.assignedVolunteerIds = assignedVolunteerIds;
	}

	public List<String> getTitleTokens() {
		return this.titleTokens;
	}

	public void setTitleTokens(List<String> titleTokens) {
		this.titleTokens = titleTokens;
	}

	public List<String> getSearchTokens() {
		return this.searchTokens;
	}

	public void setSearchTokens(List<String> searchTokens) {
		this.searchTokens = searchTokens;
	}

	public AidRequestClaim getClaim() {
		return this.claim;
	}

	/** Mirrors the claim and the fields filters match on. */
	public void setClaim(AidRequestClaim claim) {
		this.claim = claim;
		this.claimState = (claim != null) ? claim.state() : ClaimState.UNCLAIMED;
		this.claimOrganization = (this.claimState != ClaimState.UNCLAIMED) ? claim.organizationKey() : null;
	}

	public ClaimState getClaimState() {
		return this.claimState;
	}

	public String getClaimOrganization() {
		return this.claimOrganization;
	}

}
