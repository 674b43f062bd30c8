package org.hromada.aid;

/** Orders of aid request lists. */
enum AidRequestOrder {

	PRIORITY, CREATED, NEEDED_BY

}
