package org.hromada.organization;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.hromada.support.TextLimits.check;

/**
 * The texts of an organisation are stored up to their limit and refused one past it; a
 * key of any length is a user error, never a crash of its pattern.
 */
class OrganizationTextLimitsTests extends IntegrationTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@ParameterizedTest
	@CsvSource({ "name.uk, 200", "name.en, 200", "acronym, 20" })
	void namesAndAcronymsAreStoredUpToTheirLimit(String field, int limit) {
		check(limit, value -> {
			Map<String, Object> name = new HashMap<>(Map.of("uk", "Тест", "en", "Test"));
			Map<String, Object> input = new HashMap<>(Map.of("key", uniqueKey(), "name", name, "type", "NATIONAL_NGO"));
			if (field.startsWith("name.")) {
				name.put(field.substring(5), value);
			}
			else {
				input.put(field, value);
			}
			return create(input);
		}, "createOrganization", "createOrganization.organization." + field, ("input." + field).split("\\."));
	}

	@Test
	void aKeyIsStoredUpTo50CharactersAndAnyLongerKeyIsInvalid() {
		String atLimit = uniqueKey() + "-" + "a".repeat(50);
		atLimit = atLimit.substring(0, 50);
		create(input(atLimit)).path("createOrganization.organization.key").entity(String.class).isEqualTo(atLimit);
		// The old pattern recursed once per hyphenated word: 300,000 of them overflowed
		// the stack before the size check could refuse the key.
		for (String tooLong : new String[] { uniqueKey() + "-" + "b".repeat(50), "a-".repeat(300_000) + "a" }) {
			create(input(tooLong)).path("createOrganization.organization")
				.valueIsNull()
				.path("createOrganization.userErrors[*].path")
				.entityList(Object.class)
				.satisfies(paths -> org.assertj.core.api.Assertions.assertThat(paths)
					.map(Object::toString)
					.containsOnly("[input, key]"));
		}
	}

	private static Map<String, Object> input(String key) {
		return Map.of("key", key, "name", Map.of("uk", "Тест", "en", "Test"), "type", "NATIONAL_NGO");
	}

	private static String uniqueKey() {
		return "limits-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
	}

	private GraphQlTester.Response create(Map<String, Object> input) {
		return as(TestUser.ADMIN)
			.document("mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { "
					+ "organization { key name { uk en } acronym } userErrors { path code message } } }")
			.variable("input", input)
			.execute();
	}

}
