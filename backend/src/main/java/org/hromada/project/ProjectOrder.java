package org.hromada.project;

/** Order of a project list. */
enum ProjectOrder {

	CREATED, UPDATED

}
