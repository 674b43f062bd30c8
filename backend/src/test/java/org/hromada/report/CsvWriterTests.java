package org.hromada.report;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTests {

	@Test
	void commasQuotesAndLineBreaksSurviveARoundTrip() throws IOException {
		List<String> names = List.of("Relief, Recovery & Co", "The \"Good\" Water NGO", "Line one\nline two",
				"Carriage\r\nreturn", "Плюс, мінус", "");
		StringWriter out = new StringWriter();
		CsvWriter csv = new CsvWriter(out);
		csv.row(names);
		csv.row(List.of("a", "b", "c", "d", "e", "f"));

		assertThat(CsvTable.parse(out.toString())).containsExactly(names, List.of("a", "b", "c", "d", "e", "f"));
	}

	@Test
	void textThatASpreadsheetWouldRunAsAFormulaStaysText() throws IOException {
		StringWriter out = new StringWriter();
		new CsvWriter(out).row(List.of("=HYPERLINK(\"http://x\")", "+1 cmd", "@SUM(A1)", "-2", "12.5"));

		assertThat(CsvTable.parse(out.toString()).get(0)).containsExactly("'=HYPERLINK(\"http://x\")", "'+1 cmd",
				"'@SUM(A1)", "-2", "12.5");
	}

	@Test
	void missingValuesAreEmptyCells() throws IOException {
		StringWriter out = new StringWriter();
		new CsvWriter(out).row(Arrays.asList("a", null, "c"));

		assertThat(out.toString()).isEqualTo("a,,c\r\n");
	}

}
