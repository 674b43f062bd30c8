package org.hromada.activity;

import java.util.List;
import java.util.stream.Collectors;

import org.hromada.security.AccessAudit.AccessDenied;
import org.hromada.security.AccessAudit.DataWithheld;
import org.hromada.security.Caller;
import org.hromada.security.Role;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes refused operations and withheld CONFIDENTIAL fields into the activity log: who,
 * what and when, never the data. Withheld fields of one request are written in one
 * command.
 */
@Component
class AccessAuditRecorder {

	private final ActivityService activities;

	AccessAuditRecorder(ActivityService activities) {
		this.activities = activities;
	}

	@EventListener
	void on(AccessDenied denied) {
		this.activities.record(denied.caller(), "access.denied", "Operation", denied.operation(),
				denied.communityPcode(), denied.operation() + " refused to " + roles(denied.caller()));
	}

	@EventListener
	void on(DataWithheld withheld) {
		this.activities.recordAll(withheld.caller(),
				withheld.fields()
					.stream()
					.map(field -> new ActivityService.Entry("access.withheld", field.entityType(), field.entityId(),
							field.communityPcode(),
							field.sensitivity() + " " + field.field() + " withheld from " + roles(withheld.caller())))
					.toList());
	}

	private static String roles(Caller caller) {
		List<Role> roles = caller.roles().stream().sorted().toList();
		return roles.isEmpty() ? "a caller without roles"
				: roles.stream().map(Role::name).collect(Collectors.joining(", "));
	}

}
