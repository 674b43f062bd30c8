package org.hromada.volunteer;

import java.util.ArrayList;
import java.util.List;

import org.hromada.graphql.GeoPoint;
import org.hromada.store.AuditedDocument;

import org.springframework.data.mongodb.core.mapping.Document;

/** A volunteer profile as stored; its id is the Keycloak subject. */
@Document(VolunteerDocument.COLLECTION)
class VolunteerDocument extends AuditedDocument {

	static final String COLLECTION = "volunteers";

	private String displayName;

	private VolunteerContact contact;

	private List<Skill> skills = new ArrayList<>();

	private List<String> languages = new ArrayList<>();

	private String homeCommunityPcode;

	private List<String> communities = new ArrayList<>();

	private GeoPoint location;

	private List<WeeklyWindow> weeklyAvailability = new ArrayList<>();

	private List<DateRange> availableDates = new ArrayList<>();

	private Integer maxActiveAssignments;

	private Integer weeklyHoursCap;

	private Vetting vetting;

	private VolunteerStatus status;

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public VolunteerContact getContact() {
		return this.contact;
	}

	public void setContact(VolunteerContact contact) {
		this.contact = contact;
	}

	public List<Skill> getSkills() {
		return this.skills;
	}

	public void setSkills(List<Skill> skills) {
		this.skills = skills;
	}

	public List<String> getLanguages() {
		return this.languages;
	}

	public void setLanguages(List<String> languages) {
		this.languages = languages;
	}

	public String getHomeCommunityPcode() {
		return this.homeCommunityPcode;
	}

	public void setHomeCommunityPcode(String homeCommunityPcode) {
		this.homeCommunityPcode = homeCommunityPcode;
	}

	public List<String> getCommunities() {
		return this.communities;
	}

	public void setCommunities(List<String> communities) {
		this.communities = communities;
	}

	public GeoPoint getLocation() {
		return this.location;
	}

	public void setLocation(GeoPoint location) {
		this.location = location;
	}

	public List<WeeklyWindow> getWeeklyAvailability() {
		return this.weeklyAvailability;
	}

	public void setWeeklyAvailability(List<WeeklyWindow> weeklyAvailability) {
		this.weeklyAvailability = weeklyAvailability;
	}

	public List<DateRange> getAvailableDates() {
		return this.availableDates;
	}

	public void setAvailableDates(List<DateRange> availableDates) {
		this.availableDates = availableDates;
	}

	public Integer getMaxActiveAssignments() {
		return this.maxActiveAssignments;
	}

	public void setMaxActiveAssignments(Integer maxActiveAssignments) {
		this.maxActiveAssignments = maxActiveAssignments;
	}

	public Integer getWeeklyHoursCap() {
		return this.weeklyHoursCap;
	}

	public void setWeeklyHoursCap(Integer weeklyHoursCap) {
		this.weeklyHoursCap = weeklyHoursCap;
	}

	public Vetting getVetting() {
		return this.vetting;
	}

	public void setVetting(Vetting vetting) {
		this.vetting = vetting;
	}

	public VolunteerStatus getStatus() {
		return this.status;
	}

	public void setStatus(VolunteerStatus status) {
		this.status = status;
	}

}
