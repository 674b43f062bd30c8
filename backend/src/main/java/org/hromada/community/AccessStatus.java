package org.hromada.community;

/** Whether humanitarian workers can reach a community. */
public enum AccessStatus {

	ACCESSIBLE, HARD_TO_REACH, INACCESSIBLE

}
