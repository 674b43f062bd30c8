package org.hromada.project;

/** Role of an organisation on a project. */
enum ProjectOrganizationRole {

	FUNDING, ACCOUNTABLE, IMPLEMENTING

}
