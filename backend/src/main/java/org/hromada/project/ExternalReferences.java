package org.hromada.project;

import jakarta.validation.constraints.Size;

/**
 * Identifiers of a project in other systems.
 *
 * @param procurementId id of its procurement (for example in Prozorro)
 * @param registryId id in the national reconstruction registry (for example DREAM)
 */
record ExternalReferences(@Size(min = 1, max = 100) String procurementId, @Size(min = 1, max = 100) String registryId) {

	static final ExternalReferences NONE = new ExternalReferences(null, null);

}
