package org.hromada.security;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Reports refused and withheld access as application events; the activity log records
 * them. Only identifiers travel: who, which operation or field, which record; never the
 * data. A bean of its own, injected where access is decided (the policy, the argument
 * resolvers, the socket authentication), rather than reached through the policy.
 */
@Component
public class AccessAudit {

	private final ApplicationEventPublisher events;

	AccessAudit(ApplicationEventPublisher events) {
		this.events = events;
	}

	void denied(Caller caller, String operation, String communityPcode) {
		this.events.publishEvent(new AccessDenied(caller, operation, communityPcode));
	}

	void withheld(Caller caller, List<Withheld> fields) {
		if (!fields.isEmpty()) {
			this.events.publishEvent(new DataWithheld(caller, List.copyOf(fields)));
		}
	}

	void revealed(Caller caller, List<Withheld> fields) {
		if (!fields.isEmpty()) {
			this.events.publishEvent(new DataRevealed(caller, List.copyOf(fields)));
		}
	}

	/** An operation refused to a caller. */
	public record AccessDenied(Caller caller, String operation, String communityPcode) {

	}

	/** CONFIDENTIAL fields of records withheld from a caller during one request. */
	public record DataWithheld(Caller caller, List<Withheld> fields) {

	}

	/**
	 * Sensitive fields of records shown to a partner during one request only because the
	 * records belong to the partner's organisation (for example a need under its
	 * confirmed claim).
	 */
	public record DataRevealed(Caller caller, List<Withheld> fields) {

	}

	/**
	 * One withheld (or revealed) field.
	 *
	 * @param field type and field, for example AidRequest.contact
	 * @param entityType kind of record
	 * @param entityId id of the record
	 * @param communityPcode community of the record
	 * @param sensitivity the field's sensitivity
	 */
	public record Withheld(String field, String entityType, String entityId, String communityPcode,
			Sensitivity sensitivity) {

	}

}
