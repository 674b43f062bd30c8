package org.hromada.community;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTests {

	@Test
	void readsQuotedCommasNewlinesAndDoubledQuotesWithLineNumbers() {
		List<CsvReader.Record> records = CsvReader.read("a,b\r\n\"x, y\",\"two\nlines \"\"q\"\"\"\nlast,\n");
		assertThat(records).extracting(CsvReader.Record::line).containsExactly(1, 2, 4);
		assertThat(records.get(1).fields()).containsExactly("x, y", "two\nlines \"q\"");
		assertThat(records.get(2).fields()).containsExactly("last", "");
	}

	@Test
	void skipsByteOrderMarkAndBlankLines() {
		assertThat(CsvReader.read("\uFEFFa,b\n\n1,2")).extracting(CsvReader.Record::fields)
			.containsExactly(List.of("a", "b"), List.of("1", "2"));
	}

	@Test
	void keepsAStrayQuoteInsideAnUnquotedField() {
		assertThat(CsvReader.read("5\" pipe,x").get(0).fields()).containsExactly("5\" pipe", "x");
	}

	@Test
	void refusesAQuotedFieldLeftOpen() {
		assertThatThrownBy(() -> CsvReader.read("a,\"open\nb,c")).hasMessageContaining("Line 1");
	}

}
