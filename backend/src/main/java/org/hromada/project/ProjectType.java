package org.hromada.project;

/** Kind of work of a project (OC4IDS projectType). */
enum ProjectType {

	CONSTRUCTION, REHABILITATION, REPLACEMENT, EXPANSION, MAINTENANCE, DECOMMISSIONING

}
