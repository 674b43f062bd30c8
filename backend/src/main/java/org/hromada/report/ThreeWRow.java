package org.hromada.report;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One row of the 3W export: one organisation, sector, community and activity. */
final class ThreeWRow {

	private final Map<ThreeWColumn, String> values = new EnumMap<>(ThreeWColumn.class);

	ThreeWRow set(ThreeWColumn column, Object value) {
		if (value != null) {
			this.values.put(column, value.toString());
		}
		return this;
	}

	List<String> fields() {
		return Arrays.stream(ThreeWColumn.values()).map(this.values::get).toList();
	}

}
