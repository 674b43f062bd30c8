package org.hromada.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV: fields with a comma, a quote or a line break are quoted, quotes
 * doubled, lines end with CRLF. A text field that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe, so
 * an organisation named "=HYPERLINK(...)" stays text.
 */
final class CsvWriter {

	private final Writer out;

	CsvWriter(Writer out) {
		this.out = out;
	}

	void row(List<String> fields) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				this.out.write(',');
			}
			String field = fields.get(i);
			if (field != null) {
				this.out.write(escape(field));
			}
		}
		this.out.write("\r\n");
	}

	static String escape(String field) {
		String text = field;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
			text = "'" + text;
		}
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

	private static boolean isNumber(String text) {
		return text.matches("-?\\d+(\\.\\d+)?");
	}

}
