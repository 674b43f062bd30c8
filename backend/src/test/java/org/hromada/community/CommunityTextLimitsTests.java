package org.hromada.community;

import java.util.HashMap;
import java.util.Map;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.hromada.support.TextLimits.check;

/**
 * The names of a community and of its oblast and raion are stored up to 200 characters.
 */
class CommunityTextLimitsTests extends IntegrationTest {

	@ParameterizedTest
	@CsvSource({ "name.uk", "name.en", "adm1.name.en", "adm2.name.uk" })
	void namesAreStoredUpTo200Characters(String field) {
		check(200, value -> {
			Map<String, Object> input = new HashMap<>(Map.of("pcode", uniquePcode(), "name", name(), "adm1",
					new HashMap<>(Map.of("pcode", "UA32", "name", name())), "adm2",
					new HashMap<>(Map.of("pcode", "UA3214", "name", name()))));
			String[] path = field.split("\\.");
			@SuppressWarnings("unchecked")
			Map<String, Object> names = (Map<String, Object>) ((path.length == 2) ? input.get("name")
					: ((Map<String, Object>) input.get(path[0])).get("name"));
			names.put(path[path.length - 1], value);
			return as(TestUser.ADMIN)
				.document("mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { community { "
						+ "name { uk en } adm1 { name { uk en } } adm2 { name { uk en } } } "
						+ "userErrors { path code message } } }")
				.variable("input", input)
				.execute();
		}, "createCommunity", "createCommunity.community." + field, ("input." + field).split("\\."));
	}

	private static Map<String, Object> name() {
		return new HashMap<>(Map.of("uk", "Тестова", "en", "Test"));
	}

}
