package org.hromada.organization;

/** What kind of organisation a partner is. */
public enum OrganizationType {

	INTERNATIONAL_NGO, NATIONAL_NGO, UN_AGENCY, AUTHORITY, COMMUNITY_BASED

}
