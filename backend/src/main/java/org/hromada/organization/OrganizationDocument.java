package org.hromada.organization;

import java.util.List;

import org.hromada.aid.Sector;
import org.hromada.graphql.LocalizedText;
import org.hromada.store.AuditedDocument;

import org.springframework.data.mongodb.core.mapping.Document;

/** A partner organisation as stored in the organizations collection. */
@Document(OrganizationDocument.COLLECTION)
class OrganizationDocument extends AuditedDocument {

	static final String COLLECTION = "organizations";

	private String key;

	private LocalizedText name;

	private String acronym;

	private OrganizationType type;

	private List<Sector> sectors;

	private List<String> communityPcodes;

	private boolean sample;

	public String getKey() {
		return this.key;
	}

	public void setKey(String key) {
		this.key = key;
	}

	public LocalizedText getName() {
		return this.name;
	}

	public void setName(LocalizedText name) {
		this.name = name;
	}

	public String getAcronym() {
		return this.acronym;
	}

	public void setAcronym(String acronym) {
		this.acronym = acronym;
	}

	public OrganizationType getType() {
		return this.type;
	}

	public void setType(OrganizationType type) {
		this.type = type;
	}

	public List<Sector> getSectors() {
		return this.sectors;
	}

	public void setSectors(List<Sector> sectors) {
		this.sectors = sectors;
	}

	public List<String> getCommunityPcodes() {
		return this.communityPcodes;
	}

	public void setCommunityPcodes(List<String> communityPcodes) {
		this.communityPcodes = communityPcodes;
	}

	public boolean isSample() {
		return this.sample;
	}

	public void setSample(boolean sample) {
		this.sample = sample;
	}

}
