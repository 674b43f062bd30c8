package org.hromada.aid;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTokensTests {

	@Test
	void foldsCaseAccentsAndApostrophesInUkrainianAndEnglish() {
		assertThat(TextTokens.of("Питна ВОДА для м’ясокомбінату, Café Київ")).containsExactly("питна", "вода", "для",
				"мясокомбінату", "cafe", "киів");
		assertThat(TextTokens.of("м'ясо")).isEqualTo(TextTokens.of("М’ЯСО"));
	}

	@Test
	void keepsDigitsAndDropsPunctuationAndRepeats() {
		assertThat(TextTokens.of("Генератор 5 кВт — 5 кВт!", null)).containsExactly("генератор", "5", "квт");
	}

}
