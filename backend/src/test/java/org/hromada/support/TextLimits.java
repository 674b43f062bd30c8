package org.hromada.support;

import java.util.List;
import java.util.function.Function;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a free-text field over HTTP at its documented limit (stored as sent) and one
 * character past it (an INVALID user error on that field, nothing stored), so that every
 * bound the README states is the one enforced and no length makes a check fail otherwise.
 */
public final class TextLimits {

	private static final String WORDS = "Вода для родини water for a family ";

	private TextLimits() {
	}

	/**
	 * A text of exactly {@code length} characters, Ukrainian and English words, with no
	 * space at either end (some fields are stripped).
	 */
	public static String text(int length) {
		String words = WORDS.repeat(length / WORDS.length() + 1);
		return words.substring(0, length - 1) + "я";
	}

	/**
	 * @param limit the most characters the field takes
	 * @param send sends a mutation with the field set to the given text
	 * @param payload the mutation's payload field, for example {@code "logAidRequest"}
	 * @param storedPath where the response shows the field as stored
	 * @param errorPath the user error's path for a value past the limit
	 */
	public static void check(int limit, Function<String, GraphQlTester.Response> send, String payload,
			String storedPath, String... errorPath) {
		String atLimit = text(limit);
		GraphQlTester.Response accepted = send.apply(atLimit);
		assertThat(errors(accepted, payload)).as("user errors at the limit of %s", storedPath).isEmpty();
		accepted.path(storedPath).entity(String.class).isEqualTo(atLimit);
		assertThat(errors(send.apply(text(limit + 1)), payload)).as("user errors one past the limit of %s", storedPath)
			.contains(String.join(".", errorPath) + " INVALID");
	}

	/** Each user error as its path and code; the message is for people. */
	private static List<String> errors(GraphQlTester.Response response, String payload) {
		return response.path(payload + ".userErrors")
			.entityList(Error.class)
			.get()
			.stream()
			.map(error -> String.join(".", error.path()) + " " + error.code())
			.toList();
	}

	record Error(List<String> path, String code, String message) {

	}

}
