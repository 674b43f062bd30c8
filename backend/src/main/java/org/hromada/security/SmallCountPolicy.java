package org.hromada.security;

/**
 * The small-count rule, one for every place that shows counts about people or work to
 * partners (reports, the 3W export, the counts of one need or project): a count from 1 to
 * {@value #THRESHOLD} - 1 is withheld from partners, so that no one can single out a
 * household or a volunteer from small numbers. Zero is shown: it says nothing about
 * anyone. Admins, coordinators and volunteers, who reach the records themselves, get
 * every count.
 */
public final class SmallCountPolicy {

	/** The smallest count shown to partners, other than zero. */
	public static final int THRESHOLD = 5;

	private SmallCountPolicy() {
	}

	/** Whether this count is small: from 1 to {@value #THRESHOLD} - 1. */
	public static boolean isSmall(long count) {
		return count > 0 && count < THRESHOLD;
	}

	/** Whether the rule applies to this caller: partners, unless they are also admins. */
	public static boolean appliesTo(Caller caller) {
		return caller.has(Role.PARTNER) && !caller.has(Role.ADMIN);
	}

	/** Whether this count of one record is withheld from this caller. */
	static boolean withholds(Caller caller, long count) {
		return isSmall(count) && appliesTo(caller);
	}

}
