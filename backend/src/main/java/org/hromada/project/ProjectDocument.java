package org.hromada.project;

import java.util.ArrayList;
import java.util.List;

import org.hromada.aid.PeopleAffected;
import org.hromada.aid.Sector;
import org.hromada.graphql.Money;
import org.hromada.store.AuditedDocument;
import org.hromada.store.StoredLocation;

import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A rebuilding project as stored: one document holds the project with its organisations,
 * funding entries, milestones and status history, so every invariant between them (totals
 * equal to the sum of the entries, funding only by funding organisations) holds through
 * single-document writes. Besides what the API shows it keeps what queries need: the keys
 * of its organisations and the funding gap per budget currency.
 */
@Document(ProjectDocument.COLLECTION)
class ProjectDocument extends AuditedDocument {

	static final String COLLECTION = "projects";

	private String communityPcode;

	private String title;

	private String description;

	private Sector sector;

	private AssetCategory assetCategory;

	private ProjectType projectType;

	private ProjectStatus status;

	private ProjectStatus heldFrom;

	private List<StatusChange> statusHistory = new ArrayList<>();

	private DamageAssessment damageAssessment;

	private List<ProjectOrganization> organizations = new ArrayList<>();

	private List<String> organizationKeys = new ArrayList<>();

	private List<Money> budget = new ArrayList<>();

	private List<FundingEntry> fundingEntries = new ArrayList<>();

	private List<FundingTotals> fundingTotals = new ArrayList<>();

	private List<FundingGap> fundingGaps = new ArrayList<>();

	private List<Milestone> milestones = new ArrayList<>();

	private Integer progress;

	private PeopleAffected peopleToBenefit;

	private Integer peopleReached;

	private List<String> linkedAidRequestIds = new ArrayList<>();

	private ExternalReferences externalReferences = ExternalReferences.NONE;

	private StoredLocation location;

	public String getCommunityPcode() {
		return this.communityPcode;
	}

	public void setCommunityPcode(String communityPcode) {
		this.communityPcode = communityPcode;
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

	public Sector getSector() {
		return this.sector;
	}

	public void setSector(Sector sector) {
		this.sector = sector;
	}

	public AssetCategory getAssetCategory() {
		return this.assetCategory;
	}

	public void setAssetCategory(AssetCategory assetCategory) {
		this.assetCategory = assetCategory;
	}

	public ProjectType getProjectType() {
		return this.projectType;
	}

	public void setProjectType(ProjectType projectType) {
		this.projectType = projectType;
	}

	public ProjectStatus getStatus() {
		return this.status;
	}

	public void setStatus(ProjectStatus status) {
		this.status = status;
	}

	public ProjectStatus getHeldFrom() {
		return this.heldFrom;
	}

	public void setHeldFrom(ProjectStatus heldFrom) {
		this.heldFrom = heldFrom;
	}

	public List<StatusChange> getStatusHistory() {
		return this.statusHistory;
	}

	public void setStatusHistory(List<StatusChange> statusHistory) {
		this.statusHistory = statusHistory;
	}

	public DamageAssessment getDamageAssessment() {
		return this.damageAssessment;
	}

	public void setDamageAssessment(DamageAssessment damageAssessment) {
		this.damageAssessment = damageAssessment;
	}

	public List<ProjectOrganization> getOrganizations() {
		return this.organizations;
	}

	public void setOrganizations(List<ProjectOrganization> organizations) {
		this.organizations = organizations;
	}

	public List<String> getOrganizationKeys() {
		return this.organizationKeys;
	}

	public void setOrganizationKeys(List<String> organizationKeys) {
		this.organizationKeys = organizationKeys;
	}

	public List<Money> getBudget() {
		return this.budget;
	}

	public void setBudget(List<Money> budget) {
		this.budget = budget;
	}

	public List<FundingEntry> getFundingEntries() {
		return this.fundingEntries;
	}

	public void setFundingEntries(List<FundingEntry> fundingEntries) {
		this.fundingEntries = fundingEntries;
	}

	public List<FundingTotals> getFundingTotals() {
		return this.fundingTotals;
	}

	public void setFundingTotals(List<FundingTotals> fundingTotals) {
		this.fundingTotals = fundingTotals;
	}

	public List<FundingGap> getFundingGaps() {
		return this.fundingGaps;
	}

	public void setFundingGaps(List<FundingGap> fundingGaps) {
		this.fundingGaps = fundingGaps;
	}

	public List<Milestone> getMilestones() {
		return this.milestones;
	}

	public void setMilestones(List<Milestone> milestones) {
		this.milestones = milestones;
	}

	public Integer getProgress() {
		return this.progress;
	}

	public void setProgress(Integer progress) {
		this.progress = progress;
	}

	public PeopleAffected getPeopleToBenefit() {
		return this.peopleToBenefit;
	}

	public void setPeopleToBenefit(PeopleAffected peopleToBenefit) {
		this.peopleToBenefit = peopleToBenefit;
	}

	public Integer getPeopleReached() {
		return this.peopleReached;
	}

	public void setPeopleReached(Integer peopleReached) {
		this.peopleReached = peopleReached;
	}

	public List<String> getLinkedAidRequestIds() {
		return this.linkedAidRequestIds;
	}

	public void setLinkedAidRequestIds(List<String> linkedAidRequestIds) {
		this.linkedAidRequestIds = linkedAidRequestIds;
	}

	public ExternalReferences getExternalReferences() {
		return this.externalReferences;
	}

	public void setExternalReferences(ExternalReferences externalReferences) {
		this.externalReferences = externalReferences;
	}

	public StoredLocation getLocation() {
		return this.location;
	}

	public void setLocation(StoredLocation location) {
		this.location = location;
	}

}
