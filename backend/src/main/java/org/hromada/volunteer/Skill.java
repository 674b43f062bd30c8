package org.hromada.volunteer;

/** What a volunteer can offer; mirrors the schema enum Skill. */
public enum Skill {

	MEDICAL, FIRST_AID, PSYCHOSOCIAL, LOGISTICS, DRIVING, CONSTRUCTION, ELECTRICAL, PLUMBING, ENGINEERING,
	DEMINING_AWARENESS, TRANSLATION, IT, COOKING, CHILD_CARE, LEGAL, TEACHING

}
