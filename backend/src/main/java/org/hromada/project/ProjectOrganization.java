package org.hromada.project;

import java.util.List;

/**
 * An organisation on a project with its roles, as stored and shown; the API resolves the
 * organisation itself in a batch.
 *
 * @param organizationKey key of the organisation
 * @param roles its roles on the project, in enum order
 */
record ProjectOrganization(String organizationKey, List<ProjectOrganizationRole> roles) {

	boolean funds() {
		return this.roles != null && this.roles.contains(ProjectOrganizationRole.FUNDING);
	}

}
