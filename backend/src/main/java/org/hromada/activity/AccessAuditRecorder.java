package org.hromada.activity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hromada.security.AccessAudit.AccessDenied;
import org.hromada.security.AccessAudit.DataWithheld;
import org.hromada.security.AccessAudit.Withheld;
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

	/**
	 * One entry per withheld field per request, however many records it was withheld on,
	 * so that a large page cannot flood the log: it names the field, the first record and
	 * how many there were.
	 */
	@EventListener
	void on(DataWithheld withheld) {
		Map<String, List<Withheld>> byField = withheld.fields()
			.stream()
			.collect(Collectors.groupingBy(Withheld::field, LinkedHashMap::new, Collectors.toList()));
		this.activities.recordAll(withheld.caller(), byField.values().stream().map(records -> {
			Withheld first = records.get(0);
			long count = records.stream().map(Withheld::entityId).distinct().count();
			return new ActivityService.Entry("access.withheld", first.entityType(), first.entityId(),
					first.communityPcode(), first.sensitivity() + " " + first.field() + " withheld from "
							+ roles(withheld.caller()) + ((count > 1) ? " on " + count + " records" : ""));
		}).toList());
	}

	private static String roles(Caller caller) {
		List<Role> roles = caller.roles().stream().sorted().toList();
		return roles.isEmpty() ? "a caller without roles"
				: roles.stream().map(Role::name).collect(Collectors.joining(", "));
	}

}
