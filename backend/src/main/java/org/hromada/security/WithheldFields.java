package org.hromada.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import graphql.ExecutionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sensitive fields withheld while executing one request: reported to the client in
 * extensions.withheld, and (CONFIDENTIAL ones) to the audit log in one write at the end.
 * It also collects the fields revealed to a partner only because the record belongs to
 * their organisation (a confirmed claim), which the audit log records as well.
 */
final class WithheldFields {

	private static final Logger log = LoggerFactory.getLogger(WithheldFields.class);

	/** The marker of a withheld small count, beside the Sensitivity names. */
	static final String SMALL_COUNT = "SMALL_COUNT";

	private final Queue<Map<String, Object>> markers = new ConcurrentLinkedQueue<>();

	private final Queue<AccessAudit.Withheld> audited = new ConcurrentLinkedQueue<>();

	private final Queue<AccessAudit.Withheld> revealed = new ConcurrentLinkedQueue<>();

	void add(List<Object> path, Sensitivity sensitivity, AccessAudit.Withheld record) {
		Map<String, Object> marker = new LinkedHashMap<>();
		marker.put("path", path);
		marker.put("sensitivity", sensitivity.name());
		this.markers.add(marker);
		if (record != null && sensitivity == Sensitivity.CONFIDENTIAL) {
			this.audited.add(record);
		}
	}

	/**
	 * A count withheld by the small-count rule ({@link SmallCountPolicy}), listed with
	 * the marker SMALL_COUNT; it is about no one in particular, so it is not audited.
	 */
	void addSmallCount(List<Object> path) {
		Map<String, Object> marker = new LinkedHashMap<>();
		marker.put("path", path);
		marker.put("sensitivity", SMALL_COUNT);
		this.markers.add(marker);
	}

	void revealed(AccessAudit.Withheld record) {
		this.revealed.add(record);
	}

	boolean isEmpty() {
		return this.markers.isEmpty() && this.revealed.isEmpty();
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
		for (AccessAudit.Withheld record = this.revealed.poll(); record != null; record = this.revealed.poll()) {
			taken.revealed.add(record);
		}
		return taken;
	}

	/**
	 * Reports these withheld fields: records the CONFIDENTIAL ones in the activity log
	 * and lists all of them in the result's extensions.withheld. The one place that does
	 * so, for HTTP requests and WebSocket operations and events alike.
	 */
	ExecutionResult report(ExecutionResult result, Caller caller, AccessAudit audit) {
		if (isEmpty()) {
			return result;
		}
		try {
			audit.withheld(caller, audited());
			audit.revealed(caller, new ArrayList<>(this.revealed));
		}
		catch (RuntimeException ex) {
			// The result is correct without the audit entry and must not become an error;
			// operators see the failure (without data) in the log.
			log.warn("Could not record withheld fields in the activity log: {}", ex.getClass().getSimpleName());
		}
		if (this.markers.isEmpty()) {
			return result;
		}
		Map<Object, Object> extensions = new LinkedHashMap<>(
				(result.getExtensions() != null) ? result.getExtensions() : Map.of());
		extensions.put("withheld", markers());
		return result.transform(builder -> builder.extensions(extensions));
	}

}
