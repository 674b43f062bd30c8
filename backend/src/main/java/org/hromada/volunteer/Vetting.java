package org.hromada.volunteer;

/** Whether a volunteer may work in sectors that require vetting. */
public enum Vetting {

	UNVETTED, VETTED

}
