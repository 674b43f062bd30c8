package org.hromada.assignment;

import java.time.Instant;

import org.hromada.aid.Sector;
import org.hromada.store.AuditedDocument;

import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An assignment as stored. Status changes are single conditional updates (the status it
 * must still have, and for the volunteer's answers the deadline not passed), so two
 * concurrent changes, or two replicas' expiry jobs, never both apply.
 */
@Document(AssignmentDocument.COLLECTION)
class AssignmentDocument extends AuditedDocument {

	static final String COLLECTION = "assignments";

	private TaskKind taskKind;

	private String taskId;

	private Sector sector;

	private String volunteerId;

	private String communityPcode;

	private Instant windowStart;

	private Instant windowEnd;

	private String description;

	private String assignedBy;

	private AssignmentStatus status;

	private Instant offerDeadline;

	private Instant checkInDeadline;

	private Instant respondedAt;

	private Instant checkedInAt;

	private Instant endedAt;

	private Double hoursWorked;

	private String note;

	private Boolean followUpPending;

	private String withdrawnBecause;

	public TaskKind getTaskKind() {
		return this.taskKind;
	}

	public void setTaskKind(TaskKind taskKind) {
		this.taskKind = taskKind;
	}

	public String getTaskId() {
		return this.taskId;
	}

	public void setTaskId(String taskId) {
		this.taskId = taskId;
	}

	public Sector getSector() {
		return this.sector;
	}

	public void setSector(Sector sector) {
		this.sector = sector;
	}

	public String getVolunteerId() {
		return this.volunteerId;
	}

	public void setVolunteerId(String volunteerId) {
		this.volunteerId = volunteerId;
	}

	public String getCommunityPcode() {
		return this.communityPcode;
	}

	public void setCommunityPcode(String communityPcode) {
		this.communityPcode = communityPcode;
	}

	public Instant getWindowStart() {
		return this.windowStart;
	}

	public void setWindowStart(Instant windowStart) {
		this.windowStart = windowStart;
	}

	public Instant getWindowEnd() {
		return this.windowEnd;
	}

	public void setWindowEnd(Instant windowEnd) {
		this.windowEnd = windowEnd;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getAssignedBy() {
		return this.assignedBy;
	}

	public void setAssignedBy(String assignedBy) {
		this.assignedBy = assignedBy;
	}

	public AssignmentStatus getStatus() {
		return this.status;
	}

	public void setStatus(AssignmentStatus status) {
		this.status = status;
	}

	public Instant getOfferDeadline() {
		return this.offerDeadline;
	}

	public void setOfferDeadline(Instant offerDeadline) {
		this.offerDeadline = offerDeadline;
	}

	public Instant getCheckInDeadline() {
		return this.checkInDeadline;
	}

	public void setCheckInDeadline(Instant checkInDeadline) {
		this.checkInDeadline = checkInDeadline;
	}

	public Instant getRespondedAt() {
		return this.respondedAt;
	}

	public void setRespondedAt(Instant respondedAt) {
		this.respondedAt = respondedAt;
	}

	public Instant getCheckedInAt() {
		return this.checkedInAt;
	}

	public void setCheckedInAt(Instant checkedInAt) {
		this.checkedInAt = checkedInAt;
	}

	public Instant getEndedAt() {
		return this.endedAt;
	}

	public void setEndedAt(Instant endedAt) {
		this.endedAt = endedAt;
	}

	public Double getHoursWorked() {
		return this.hoursWorked;
	}

	public void setHoursWorked(Double hoursWorked) {
		this.hoursWorked = hoursWorked;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public Boolean getFollowUpPending() {
		return this.followUpPending;
	}

	public void setFollowUpPending(Boolean followUpPending) {
		this.followUpPending = followUpPending;
	}

	public String getWithdrawnBecause() {
		return this.withdrawnBecause;
	}

	public void setWithdrawnBecause(String withdrawnBecause) {
		this.withdrawnBecause = withdrawnBecause;
	}

	TaskRef task() {
		return new TaskRef(this.taskKind, this.taskId);
	}

	TimeWindow window() {
		return new TimeWindow(this.windowStart, this.windowEnd);
	}

}
