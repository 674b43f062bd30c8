package org.hromada.security;

/**
 * Who sees sensitive fields: the one place that decides it, for GraphQL fields and
 * exports alike. Admins see everything; coordinators see the contacts and exact locations
 * of their communities' records; volunteers the exact locations of their communities'
 * records; the details of a person's profile (PERSONAL) only the person and coordinators
 * of their communities; people personally tied to a record and partners of an
 * organisation the record belongs to see it in full.
 */
public final class SensitivityPolicy {

	private SensitivityPolicy() {
	}

	public static boolean canSee(Caller caller, Guarded record, Sensitivity sensitivity) {
		if (caller.has(Role.ADMIN) || record.personallyEntitled().contains(caller.id())) {
			return true;
		}
		if (caller.has(Role.PARTNER) && caller.organization() != null
				&& record.entitledOrganizations().contains(caller.organization())) {
			return true;
		}
		boolean servesCommunity = record.communityPcodes().stream().anyMatch(caller::serves);
		return switch (sensitivity) {
			case CONFIDENTIAL -> caller.has(Role.COORDINATOR) && servesCommunity;
			case RESTRICTED -> (caller.has(Role.COORDINATOR) || caller.has(Role.VOLUNTEER)) && servesCommunity;
			case PERSONAL -> caller.has(Role.COORDINATOR) && servesCommunity;
		};
	}

}
