package org.hromada.community;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: comma-separated fields, fields in double quotes may hold commas,
 * line breaks and doubled quotes. A stray quote inside an unquoted field is kept as text,
 * so that one sloppy row does not make the whole file unreadable; only a quoted field
 * left open to the end does. Each record keeps the line number it starts on, for error
 * messages.
 */
final class CsvReader {

	private CsvReader() {
	}

	record Record(int line, List<String> fields) {

	}

	/** Thrown when the text is not well-formed CSV, naming the line. */
	static final class MalformedCsvException extends RuntimeException {

		MalformedCsvException(String message) {
			super(message, null, false, false);
		}

	}

	static List<Record> read(String text) {
		List<Record> records = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStarted = false;
		int line = 1;
		int recordLine = 1;
		int i = text.startsWith("\uFEFF") ? 1 : 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
			}
			else if (c == '"' && field.length() == 0) {
				quoted = true;
				fieldStarted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				fieldStarted = true;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
					fields.add(field.toString());
					records.add(new Record(recordLine, List.copyOf(fields)));
				}
				fields.clear();
				field.setLength(0);
				fieldStarted = false;
				line++;
				recordLine = line;
			}
			else {
				field.append(c);
			}
			i++;
		}
		if (quoted) {
			throw new MalformedCsvException("Line " + recordLine + ": a quoted field is not closed");
		}
		if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
			fields.add(field.toString());
			records.add(new Record(recordLine, List.copyOf(fields)));
		}
		return records;
	}

}
