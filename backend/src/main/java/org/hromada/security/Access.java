package org.hromada.security;

import java.util.List;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.access.AccessDeniedException;

/**
 * What the caller of one operation may reach, as its @allow rules grant. Services receive
 * it and apply it in one of two ways: to a direct read or write of one record
 * ({@code require...}, which refuses with FORBIDDEN), or to a list query
 * ({@link #communityCriteria} and the like, which leaves out what the caller may not see
 * inside the MongoDB query itself, never after fetching).
 */
public final class Access {

	private final Caller caller;

	private final AccessScope scope;

	private final String operation;

	private final AccessAudit audit;

	Access(Caller caller, AccessScope scope, String operation, AccessAudit audit) {
		this.caller = caller;
		this.scope = scope;
		this.operation = operation;
		this.audit = audit;
	}

	public Caller caller() {
		return this.caller;
	}

	public AccessScope scope() {
		return this.scope;
	}

	/**
	 * Refuses a record of a community the caller does not serve, when the rule is
	 * community-scoped.
	 */
	public void requireCommunity(String communityPcode) {
		if (this.scope == AccessScope.OWN_COMMUNITIES && !this.caller.serves(communityPcode)) {
			deny(communityPcode, "a record of community " + communityPcode);
		}
	}

	/**
	 * Refuses a record of another organisation (a partner recording funding for an
	 * organisation not their own), when the rule is limited to the caller's organisation.
	 * A caller without an organisation claim has no organisation's records.
	 */
	public void requireOrganization(String organizationKey, String communityPcode) {
		if (this.scope == AccessScope.OWN_ORGANIZATION
				&& (this.caller.organization() == null || !this.caller.organization().equals(organizationKey))) {
			deny(communityPcode, "a record of another organisation");
		}
	}

	/**
	 * Refuses another person's record, when the rule is limited to the caller's own
	 * records.
	 */
	public void requireSelf(String userId, String communityPcode) {
		if (this.scope == AccessScope.OWN_RECORDS && !this.caller.id().equals(userId)) {
			deny(communityPcode, "another person's record");
		}
	}

	/**
	 * The condition that keeps a list inside the caller's communities, on the given
	 * document field; {@code null} when the rule is not community-scoped.
	 */
	public Criteria communityCriteria(String field) {
		return (this.scope == AccessScope.OWN_COMMUNITIES) ? Criteria.where(field).in(this.caller.communities()) : null;
	}

	/**
	 * The condition that keeps a list to the caller's own records, on the given field
	 * holding a Keycloak subject; {@code null} when the rule is not limited to own
	 * records.
	 */
	public Criteria ownRecordsCriteria(String field) {
		return (this.scope == AccessScope.OWN_RECORDS) ? Criteria.where(field).is(this.caller.id()) : null;
	}

	/**
	 * The condition that keeps a query to records of the caller's organisation, on the
	 * given field holding organisation keys; {@code null} when the rule is not limited to
	 * the caller's organisation. A caller without an organisation claim matches nothing.
	 */
	public Criteria organizationCriteria(String field) {
		if (this.scope != AccessScope.OWN_ORGANIZATION) {
			return null;
		}
		return (this.caller.organization() != null) ? Criteria.where(field).is(this.caller.organization())
				: Criteria.where(field).in(List.of());
	}

	private void deny(String communityPcode, String what) {
		this.audit.denied(this.caller, this.operation, communityPcode);
		throw new AccessDeniedException("Outside the caller's scope: " + what);
	}

}
