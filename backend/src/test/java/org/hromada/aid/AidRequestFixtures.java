package org.hromada.aid;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Inputs of aid requests for tests. */
final class AidRequestFixtures {

	static final String IRPIN = "UA3214007";

	static final String BUCHA = "UA3214003";

	static final String KHARKIV = "UA6312015";

	private AidRequestFixtures() {
	}

	static Map<String, Object> need(String communityPcode) {
		Map<String, Object> input = new HashMap<>();
		input.put("clientRequestId", UUID.randomUUID().toString());
		input.put("communityPcode", communityPcode);
		input.put("sector", "WASH");
		input.put("title", "Drinking water for a shelter");
		input.put("description", "Family of Olena Shevchenko, 12 Sadova St, no water since Monday");
		input.put("quantity", 500.0);
		input.put("unit", "litres");
		input.put("peopleAffected", Map.of("total", 40, "girls", 5, "boys", 6, "olderWomen", 4, "withDisability", 2));
		input.put("urgency", "URGENT");
		input.put("location", Map.of("latitude", 50.5218, "longitude", 30.2506));
		input.put("contact", Map.of("name", "Olena Shevchenko", "phone", "+380 67 123 45 67"));
		return input;
	}

}
