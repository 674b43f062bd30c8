package org.hromada.project;

/** Damage grade of an assessment (UNOSAT scale). */
enum DamageGrade {

	DESTROYED, SEVERE, MODERATE, POSSIBLE, NO_VISIBLE

}
