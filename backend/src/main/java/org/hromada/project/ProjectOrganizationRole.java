package org.hromada.project;

/** Role of an organisation on a project. */
public enum ProjectOrganizationRole {

	FUNDING, ACCOUNTABLE, IMPLEMENTING

}
