package org.hromada.project;

/** What kind of asset a project rebuilds. */
enum AssetCategory {

	HOUSING, EDUCATION, HEALTH, WATER, ENERGY, TRANSPORT, ADMINISTRATIVE, CULTURAL, OTHER

}
