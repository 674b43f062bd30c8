package org.hromada.graphql;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What free text may hold, and that checking it does not depend on its length. */
class PlainTextTests {

	private static final PlainTextValidator LINE = validator(false);

	private static final PlainTextValidator MULTILINE = validator(true);

	@Test
	void refusesControlAndInvisibleFormattingCharacters() {
		for (String spoof : new String[] { "Water\u202Eretaw", "zero\u200Bwidth", "nul\u0000", "bell\u0007",
				"bom\uFEFF" }) {
			assertThat(LINE.isValid(spoof, null)).as(spoof).isFalse();
			assertThat(MULTILINE.isValid(spoof, null)).as(spoof).isFalse();
		}
	}

	@Test
	void lineBreaksAndTabsOnlyInMultilineText() {
		for (String text : new String[] { "one\ntwo", "one\r\ntwo", "one\ttwo" }) {
			assertThat(LINE.isValid(text, null)).as(text).isFalse();
			assertThat(MULTILINE.isValid(text, null)).as(text).isTrue();
		}
	}

	@Test
	void acceptsAnyScriptAndCharactersOutsideTheBasicPlane() {
		assertThat(LINE.isValid("Питна вода — м’ясо, café, 水, 😀 emoji", null)).isTrue();
		assertThat(LINE.isValid(null, null)).isTrue();
	}

	/**
	 * A regular expression with an alternation under a star recursed once per character:
	 * the check now runs on a tiny stack whatever the length.
	 */
	@Test
	void aMillionCharactersAreCheckedOnATinyStack() throws InterruptedException {
		String text = "Вода\n".repeat(200_000);
		AtomicBoolean valid = new AtomicBoolean();
		Thread thread = new Thread(null, () -> valid.set(MULTILINE.isValid(text, null)), "small-stack", 64 * 1024);
		thread.start();
		thread.join();
		assertThat(valid).isTrue();
	}

	private static PlainTextValidator validator(boolean multiline) {
		PlainTextValidator validator = new PlainTextValidator();
		validator.initialize(new PlainText() {

			@Override
			public Class<? extends java.lang.annotation.Annotation> annotationType() {
				return PlainText.class;
			}

			@Override
			public boolean multiline() {
				return multiline;
			}

			@Override
			public String message() {
				return "";
			}

			@Override
			public Class<?>[] groups() {
				return new Class<?>[0];
			}

			@Override
			@SuppressWarnings("unchecked")
			public Class<? extends jakarta.validation.Payload>[] payload() {
				return new Class[0];
			}

		});
		return validator;
	}

}
