package org.hromada.community;

import org.hromada.graphql.LocalizedText;
import org.hromada.store.AuditedDocument;

import org.springframework.data.mongodb.core.geo.GeoJsonPoint;
import org.springframework.data.mongodb.core.mapping.Document;

/** A community as stored in the communities collection. */
@Document(CommunityDocument.COLLECTION)
class CommunityDocument extends AuditedDocument {

	static final String COLLECTION = "communities";

	private String pcode;

	private String katottg;

	private LocalizedText name;

	private AdminUnit adm1;

	private AdminUnit adm2;

	private Integer population;

	private GeoJsonPoint location;

	private AccessStatus accessStatus;

	private boolean sample;

	public String getPcode() {
		return this.pcode;
	}

	public void setPcode(String pcode) {
		this.pcode = pcode;
	}

	public String getKatottg() {
		return this.katottg;
	}

	public void setKatottg(String katottg) {
		this.katottg = katottg;
	}

	public LocalizedText getName() {
		return this.name;
	}

	public void setName(LocalizedText name) {
		this.name = name;
	}

	public AdminUnit getAdm1() {
		return this.adm1;
	}

	public void setAdm1(AdminUnit adm1) {
		this.adm1 = adm1;
	}

	public AdminUnit getAdm2() {
		return this.adm2;
	}

	public void setAdm2(AdminUnit adm2) {
		this.adm2 = adm2;
	}

	public Integer getPopulation() {
		return this.population;
	}

	public void setPopulation(Integer population) {
		this.population = population;
	}

	public GeoJsonPoint getLocation() {
		return this.location;
	}

	public void setLocation(GeoJsonPoint location) {
		this.location = location;
	}

	public AccessStatus getAccessStatus() {
		return this.accessStatus;
	}

	public void setAccessStatus(AccessStatus accessStatus) {
		this.accessStatus = accessStatus;
	}

	public boolean isSample() {
		return this.sample;
	}

	public void setSample(boolean sample) {
		this.sample = sample;
	}

}
