package org.hromada.community;

import java.time.Instant;

import org.hromada.graphql.LocalizedText;

import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.geo.GeoJsonPoint;
import org.springframework.data.mongodb.core.mapping.Document;

/** A community as stored in the communities collection. */
@Document(CommunityDocument.COLLECTION)
class CommunityDocument {

	static final String COLLECTION = "communities";

	@Id
	private String id;

	@Version
	private Long version;

	private String pcode;

	private String katottg;

	private LocalizedText name;

	private AdminUnit adm1;

	private AdminUnit adm2;

	private Integer population;

	private GeoJsonPoint location;

	private AccessStatus accessStatus;

	private boolean sample;

	@CreatedDate
	private Instant createdAt;

	@CreatedBy
	private String createdBy;

	@LastModifiedDate
	private Instant updatedAt;

	@LastModifiedBy
	private String updatedBy;

	public String getId() {
		return this.id;
	}

	public void setId(String id) {
		this.id = id;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

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

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public void setCreatedBy(String createdBy) {
		this.createdBy = createdBy;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public void setUpdatedAt(Instant updatedAt) {
		this.updatedAt = updatedAt;
	}

	public String getUpdatedBy() {
		return this.updatedBy;
	}

	public void setUpdatedBy(String updatedBy) {
		this.updatedBy = updatedBy;
	}

}
