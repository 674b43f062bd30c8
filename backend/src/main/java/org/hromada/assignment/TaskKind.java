package org.hromada.assignment;

/** What a volunteer can be assigned to. */
public enum TaskKind {

	/** An aid request (need) of the aid feature. */
	AID_REQUEST,

	/** A milestone of a rebuilding project. */
	MILESTONE

}
