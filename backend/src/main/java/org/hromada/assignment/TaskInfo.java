package org.hromada.assignment;

import org.hromada.aid.Sector;
import org.hromada.graphql.GeoPoint;

/**
 * What the assignment feature needs to know about a task, whichever feature owns it.
 *
 * @param ref the task
 * @param communityPcode community the task belongs to (the scope of who may assign)
 * @param sector humanitarian sector of the task, deciding whether it needs vetted
 * volunteers; may be null
 * @param title short title to show with the assignment
 * @param location where the work happens, for matching by distance; may be null
 * @param open whether the task still takes new assignments
 */
public record TaskInfo(TaskRef ref, String communityPcode, Sector sector, String title, GeoPoint location,
		boolean open) {

}
