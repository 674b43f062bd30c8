package org.hromada.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The sensitive fields withheld while executing one request: reported to the client in
 * extensions.withheld, and (CONFIDENTIAL ones) to the audit log in one write at the end.
 */
final class WithheldFields {

	private final Queue<Map<String, Object>> markers = new ConcurrentLinkedQueue<>();

	private final Queue<AccessAudit.Withheld> audited = new ConcurrentLinkedQueue<>();

	void add(List<Object> path, Sensitivity sensitivity, AccessAudit.Withheld record) {
		Map<String, Object> marker = new LinkedHashMap<>();
		marker.put("path", path);
		marker.put("sensitivity", sensitivity.name());
		this.markers.add(marker);
		if (record != null && sensitivity == Sensitivity.CONFIDENTIAL) {
			this.audited.add(record);
		}
	}

	boolean isEmpty() {
		return this.markers.isEmpty();
	}

	List<Map<String, Object>> markers() {
		return new ArrayList<>(this.markers);
	}

	List<AccessAudit.Withheld> audited() {
		return new ArrayList<>(this.audited);
	}

	/**
	 * Takes the fields withheld so far out of this collection: for a subscription, whose
	 * events share one context and are each reported on their own.
	 */
	WithheldFields drain() {
		WithheldFields taken = new WithheldFields();
		for (Map<String, Object> marker = this.markers.poll(); marker != null; marker = this.markers.poll()) {
			taken.markers.add(marker);
		}
		for (AccessAudit.Withheld record = this.audited.poll(); record != null; record = this.audited.poll()) {
			taken.audited.add(record);
		}
		return taken;
	}

}
