package org.hromada.security;

/**
 * How far an access rule reaches; mirrors the schema enum AccessScope. Broadest first.
 */
public enum AccessScope {

	ANY, OWN_COMMUNITIES, OWN_ORGANIZATION, OWN_RECORDS

}
