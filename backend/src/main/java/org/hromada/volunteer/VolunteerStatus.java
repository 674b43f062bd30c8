package org.hromada.volunteer;

/** Whether a volunteer takes assignments. */
public enum VolunteerStatus {

	ACTIVE, INACTIVE

}
