package org.hromada.aid;

import org.hromada.security.Guarded;
import org.hromada.security.GuardedPart;

/**
 * People affected (of a need) or to benefit (of a project) as the API shows them, judged
 * by the record they belong to. In protection sectors
 * ({@link Sector#protectsPeopleAtRisk}) the sex, age and disability groups are
 * RESTRICTED: a handful of girls in a GBV need points at a household. Counts from 1 to 4
 * are withheld from partners by the schema's {@code @smallCount} rule whatever the
 * sector.
 *
 * @param owner the need or project
 * @param breakdownRestricted whether the groups are RESTRICTED in the owner's sector
 */
public record PeopleView(Integer total, Integer girls, Integer boys, Integer women, Integer men, Integer olderWomen,
		Integer olderMen, Integer withDisability, Guarded owner, boolean breakdownRestricted) implements GuardedPart {

	/** The people of a record of the given sector; null stays null. */
	public static PeopleView of(PeopleAffected people, Guarded owner, Sector sector) {
		if (people == null) {
			return null;
		}
		return new PeopleView(people.total(), people.girls(), people.boys(), people.women(), people.men(),
				people.olderWomen(), people.olderMen(), people.withDisability(), owner,
				sector != null && sector.protectsPeopleAtRisk());
	}

	@Override
	public boolean guardsSensitiveFields() {
		return this.breakdownRestricted;
	}

}
