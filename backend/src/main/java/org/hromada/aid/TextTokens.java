package org.hromada.aid;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns Ukrainian and English text into search tokens that work on any MongoDB-compatible
 * store: lower case, accents and other combining marks removed (so "Café" matches "cafe",
 * and "ї", "й" fold to "і", "и"), apostrophes dropped inside words ("м'ясо", "м’ясо" and
 * "мясо" are one token), split on everything that is not a letter or a digit. Documents
 * store their tokens; a query's tokens must each begin some stored token.
 */
final class TextTokens {

	static final int MAX_TOKENS = 300;

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern APOSTROPHES = Pattern.compile("['’ʼ`´]");

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private TextTokens() {
	}

	/** The distinct tokens of the texts, at most {@value #MAX_TOKENS}. */
	static List<String> of(String... texts) {
		Set<String> tokens = new LinkedHashSet<>();
		for (String text : texts) {
			if (text == null) {
				continue;
			}
			for (String token : SEPARATORS.split(normalize(text))) {
				if (!token.isEmpty() && tokens.size() < MAX_TOKENS) {
					tokens.add(token);
				}
			}
		}
		return List.copyOf(tokens);
	}

	static String normalize(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
		return APOSTROPHES.matcher(COMBINING_MARKS.matcher(decomposed).replaceAll(""))
			.replaceAll("")
			.toLowerCase(Locale.ROOT);
	}

}
