package org.hromada.volunteer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestTokens;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.support.TextLimits.check;
import static org.hromada.support.TextLimits.text;

/**
 * The texts of a volunteer are taken up to their limit and refused one past it, and a
 * long email is refused at once.
 */
class VolunteerTextLimitsTests extends IntegrationTest {

	private static final String REGISTER = "mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) "
			+ "{ setupLink userErrors { path code message } } }";

	@Test
	void aDisplayNameIsStoredUpTo200Characters() {
		check(200, name -> updateProfile(Map.of("displayName", name)), "updateMyProfile",
				"updateMyProfile.volunteer.displayName", "input", "displayName");
	}

	@Test
	void aContactEmailIsStoredUpTo200Characters() {
		String atLimit = email(200);
		updateProfile(Map.of("contact", Map.of("email", atLimit))).path("updateMyProfile.volunteer.contact.email")
			.entity(String.class)
			.isEqualTo(atLimit);
		updateProfile(Map.of("contact", Map.of("email", email(201)))).path("updateMyProfile.userErrors[*].path")
			.entityList(Object.class)
			.satisfies(paths -> assertThat(paths).map(Object::toString).contains("[input, contact, email]"));
	}

	/**
	 * The stand-in realm of the tests refuses every account, so a registration that
	 * passes its checks ends in an INTERNAL_ERROR, not a user error.
	 */
	@Test
	void registrationNamesAndEmailArePassedUpToTheirLimitAndRefusedPastIt() {
		for (String field : List.of("firstName", "lastName", "email")) {
			int limit = field.equals("email") ? 200 : 100;
			String atLimit = field.equals("email") ? email(limit) : text(limit);
			String past = field.equals("email") ? email(limit + 1) : text(limit + 1);
			register(field, atLimit).errors()
				.expect(error -> error.getErrorType().toString().equals("INTERNAL_ERROR"))
				.verify();
			register(field, past).path("registerVolunteer.userErrors[*].path")
				.entityList(Object.class)
				.satisfies(paths -> assertThat(paths).as(field)
					.map(Object::toString)
					.containsExactly("[input, " + field + "]"));
		}
	}

	/**
	 * The address pattern backtracks quadratically on many dots; it used to run before
	 * the length check (about two minutes for 200,000 characters).
	 */
	@Test
	void aVeryLongEmailIsRefusedAtOnce() {
		String dotted = "a@" + "b.".repeat(100_000) + " ";
		long started = System.nanoTime();
		register("email", dotted).path("registerVolunteer.userErrors[*].path")
			.entityList(Object.class)
			.satisfies(paths -> assertThat(paths).map(Object::toString).containsExactly("[input, email]"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
	}

	/** An address of exactly the length: 64 characters, @, then labels of at most 63. */
	private static String email(int length) {
		String local = "a".repeat(64) + "@";
		StringBuilder domain = new StringBuilder();
		while (local.length() + domain.length() + 64 < length) {
			domain.append("b".repeat(63)).append('.');
		}
		domain.append("c".repeat(length - local.length() - domain.length()));
		return local + domain;
	}

	private GraphQlTester.Response register(String field, String value) {
		Map<String, Object> input = new HashMap<>(Map.of("email", "someone@example.org", "firstName", "Ivan",
				"lastName", "Franko", "communityPcodes", List.of("UA3214007")));
		input.put(field, value);
		return as(TestUser.COORDINATOR_KYIV).document(REGISTER).variable("input", input).execute();
	}

	/** Updates the profile of a new volunteer of their own. */
	private GraphQlTester.Response updateProfile(Map<String, Object> changes) {
		HttpGraphQlTester volunteer = withToken(TestTokens.accessToken(TestUser.VOLUNTEER_IRPIN,
				claims -> claims.subject("volunteer-" + UUID.randomUUID())));
		long version = volunteer.document("{ myVolunteerProfile { version } }")
			.execute()
			.path("myVolunteerProfile.version")
			.entity(Long.class)
			.get();
		Map<String, Object> input = new HashMap<>(changes);
		input.put("version", version);
		return volunteer
			.document("mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { volunteer { "
					+ "displayName contact { email } } userErrors { path code message } } }")
			.variable("input", input)
			.execute();
	}

}
