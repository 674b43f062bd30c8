package org.hromada.security;

/**
 * Who sees sensitive fields: the one place that decides it, for GraphQL fields and
 * exports alike. Admins see everything; coordinators see the contacts and exact locations
 * of their communities' records; volunteers the exact locations of their communities'
 * records; the details of a person's profile (PERSONAL) only the person and coordinators
 * of their communities; people personally tied to a record see it in full, and partners
 * of an organisation the record belongs to what it grants them (in full for a project's
 * organisations; see {@link Guarded#entitledOrganizations(Sensitivity)}).
 */
public final class SensitivityPolicy {

	private SensitivityPolicy() {
	}

	public static boolean canSee(Caller caller, Guarded record, Sensitivity sensitivity) {
		return seesWithoutOrganization(caller, record, sensitivity) || isRevealedToPartner(caller, record, sensitivity);
	}

	/**
	 * Whether the caller sees the field as an admin, a person tied to the record, or one
	 * who serves its community.
	 */
	static boolean seesWithoutOrganization(Caller caller, Guarded record, Sensitivity sensitivity) {
		if (caller.has(Role.ADMIN) || record.personallyEntitled().contains(caller.id())) {
			return true;
		}
		boolean servesCommunity = record.communityPcodes().stream().anyMatch(caller::serves);
		return switch (sensitivity) {
			case CONFIDENTIAL -> caller.has(Role.COORDINATOR) && servesCommunity;
			case RESTRICTED -> (caller.has(Role.COORDINATOR) || caller.has(Role.VOLUNTEER)) && servesCommunity;
			case PERSONAL -> caller.has(Role.COORDINATOR) && servesCommunity;
		};
	}

	/**
	 * Whether the caller sees the field as a partner of an organisation the record
	 * belongs to: when that is the only reason, the reveal is recorded in the activity
	 * log.
	 */
	static boolean isRevealedToPartner(Caller caller, Guarded record, Sensitivity sensitivity) {
		return caller.has(Role.PARTNER) && caller.organization() != null
				&& record.entitledOrganizations(sensitivity).contains(caller.organization());
	}

}
