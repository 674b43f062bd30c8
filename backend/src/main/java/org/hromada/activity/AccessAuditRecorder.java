package org.hromada.activity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hromada.security.AccessAudit.AccessDenied;
import org.hromada.security.AccessAudit.DataRevealed;
import org.hromada.security.AccessAudit.DataWithheld;
import org.hromada.security.AccessAudit.Withheld;
import org.hromada.security.Caller;
import org.hromada.security.Role;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes refused operations, withheld CONFIDENTIAL fields and fields revealed to a
 * partner through their organisation into the activity log: who, what and when, never the
 * data. The fields of one request are written in one command.
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
		this.activities.recordAll(withheld.caller(),
				perField(withheld.fields(), "access.withheld", " withheld from " + roles(withheld.caller())));
	}

	/**
	 * Personal data shown to a partner because the record belongs to their organisation
	 * (a confirmed claim): one entry per field per request, naming the organisation.
	 */
	@EventListener
	void on(DataRevealed revealed) {
		this.activities.recordAll(revealed.caller(), perField(revealed.fields(), "access.revealed",
				" revealed to organisation " + revealed.caller().organization()));
	}

	private static List<ActivityService.Entry> perField(List<Withheld> fields, String action, String what) {
		Map<String, List<Withheld>> byField = fields.stream()
			.collect(Collectors.groupingBy(Withheld::field, LinkedHashMap::new, Collectors.toList()));
		return byField.values().stream().map(records -> {
			Withheld first = records.get(0);
			long count = records.stream().map(Withheld::entityId).distinct().count();
			return new ActivityService.Entry(action, first.entityType(), first.entityId(), first.communityPcode(),
					first.sensitivity() + " " + first.field() + what
							+ ((count > 1) ? " on " + count + " records" : ""));
		}).toList();
	}

	private static String roles(Caller caller) {
		List<Role> roles = caller.roles().stream().sorted().toList();
		return roles.isEmpty() ? "a caller without roles"
				: roles.stream().map(Role::name).collect(Collectors.joining(", "));
	}

}
