package org.hromada.webapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tokens of a JavaScript module, read just well enough to find what the field app's
 * tests look for without a JavaScript engine: its static imports, and its string and
 * template literals (where the GraphQL documents are). Comments, strings, templates and
 * regular expressions are skipped as units, so that an import written inside one (as in
 * graphql-ws's error message "import WebSocket from 'ws'") is not taken for an import. A
 * slash is a regular expression where an operand may start (after an operator, an opening
 * bracket or a keyword), a division elsewhere, as JavaScript lexers decide it.
 */
final class ScriptTokens {

	/** What a token is. */
	enum Kind {

		NAME, STRING, TEMPLATE, PUNCTUATOR, NUMBER, REGEX

	}

	/**
	 * One token. For a string, {@code text} is its value; for a template, its parts
	 * between substitutions are {@code parts} and the source of each substitution is
	 * {@code substitutions}; for the rest, {@code text} is the source.
	 */
	record Token(Kind kind, String text, List<String> parts, List<String> substitutions) {

		boolean is(Kind kind, String text) {
			return this.kind == kind && this.text.equals(text);
		}

		boolean isLiteral() {
			return this.kind == Kind.STRING || this.kind == Kind.TEMPLATE;
		}

	}

	/** A static import's specifier, or that of an export ... from. */
	record Import(String specifier, boolean dynamic) {

	}

	private static final Set<String> OPERAND_KEYWORDS = Set.of("return", "typeof", "instanceof", "in", "of", "new",
			"delete", "void", "throw", "case", "do", "else", "yield", "await");

	private final String source;

	private int at;

	private final List<Token> tokens = new ArrayList<>();

	/**
	 * The token before the cursor in the source (a template, not the end of its last
	 * substitution).
	 */
	private Token last;

	private ScriptTokens(String source) {
		this.source = source;
	}

	static List<Token> of(String source) {
		ScriptTokens lexer = new ScriptTokens(source);
		lexer.read('\0');
		return lexer.tokens;
	}

	/**
	 * The module's imports: {@code import ... from 'x'}, {@code import 'x'},
	 * {@code export ... from 'x'} (static), and {@code import('x')} with a literal
	 * (dynamic).
	 */
	static List<Import> imports(String source) {
		List<Token> tokens = of(source);
		List<Import> imports = new ArrayList<>();
		for (int i = 0; i < tokens.size() - 1; i++) {
			Token token = tokens.get(i);
			boolean property = i > 0 && tokens.get(i - 1).is(Kind.PUNCTUATOR, ".");
			if (token.kind() != Kind.NAME || property || tokens.get(i + 1).is(Kind.PUNCTUATOR, ":")) {
				continue;
			}
			Token next = tokens.get(i + 1);
			if (token.text().equals("import")) {
				if (next.is(Kind.PUNCTUATOR, "(")) {
					if (i + 2 < tokens.size() && tokens.get(i + 2).kind() == Kind.STRING) {
						imports.add(new Import(tokens.get(i + 2).text(), true));
					}
				}
				else if (next.kind() == Kind.STRING) {
					imports.add(new Import(next.text(), false));
				}
				else if (!next.is(Kind.PUNCTUATOR, ".")) {
					fromClause(tokens, i + 1).ifPresent((specifier) -> imports.add(new Import(specifier, false)));
				}
			}
			else if (token.text().equals("export")) {
				int after = i + 1;
				if (next.is(Kind.PUNCTUATOR, "{")) {
					while (after < tokens.size() && !tokens.get(after).is(Kind.PUNCTUATOR, "}")) {
						after++;
					}
					after++;
				}
				else if (next.is(Kind.PUNCTUATOR, "*")) {
					after = i + 2;
					while (after < tokens.size() && !tokens.get(after).is(Kind.NAME, "from")) {
						after++;
					}
				}
				else {
					continue;
				}
				if (after + 1 < tokens.size() && tokens.get(after).is(Kind.NAME, "from")
						&& tokens.get(after + 1).kind() == Kind.STRING) {
					imports.add(new Import(tokens.get(after + 1).text(), false));
				}
			}
		}
		return imports;
	}

	/** The specifier after the {@code from} that ends an import's clause. */
	private static Optional<String> fromClause(List<Token> tokens, int start) {
		for (int i = start; i < tokens.size() - 1; i++) {
			Token token = tokens.get(i);
			if (token.is(Kind.NAME, "from") && tokens.get(i + 1).kind() == Kind.STRING) {
				return Optional.of(tokens.get(i + 1).text());
			}
			if (token.is(Kind.PUNCTUATOR, ";") || token.isLiteral()) {
				break;
			}
		}
		return Optional.empty();
	}

	/**
	 * Reads tokens until {@code end} at bracket depth zero (or the end of the source).
	 */
	private void read(char end) {
		int depth = 0;
		while (this.at < this.source.length()) {
			char c = this.source.charAt(this.at);
			if (Character.isWhitespace(c)) {
				this.at++;
			}
			else if (c == '/' && peek(1) == '/') {
				while (this.at < this.source.length() && this.source.charAt(this.at) != '\n') {
					this.at++;
				}
			}
			else if (c == '/' && peek(1) == '*') {
				int close = this.source.indexOf("*/", this.at + 2);
				this.at = (close < 0) ? this.source.length() : close + 2;
			}
			else if (c == '\'' || c == '"') {
				add(Kind.STRING, quoted(c));
			}
			else if (c == '`') {
				template();
			}
			else if (c == '/' && operandMayStart()) {
				regex();
			}
			else if (Character.isJavaIdentifierStart(c) || c == '\\') {
				int start = this.at;
				while (this.at < this.source.length() && Character.isJavaIdentifierPart(this.source.charAt(this.at))) {
					this.at++;
				}
				add(Kind.NAME, this.source.substring(start, Math.max(start + 1, this.at)));
				this.at = Math.max(start + 1, this.at);
			}
			else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
				int start = this.at;
				while (this.at < this.source.length() && (Character.isLetterOrDigit(this.source.charAt(this.at))
						|| this.source.charAt(this.at) == '.' || this.source.charAt(this.at) == '_')) {
					this.at++;
				}
				add(Kind.NUMBER, this.source.substring(start, this.at));
			}
			else {
				if (c == '{' || c == '(' || c == '[') {
					depth++;
				}
				else if (c == '}' || c == ')' || c == ']') {
					if (depth == 0 && c == end) {
						this.at++;
						return;
					}
					depth--;
				}
				this.at++;
				add(Kind.PUNCTUATOR, String.valueOf(c));
			}
		}
	}

	private char peek(int ahead) {
		int index = this.at + ahead;
		return (index < this.source.length()) ? this.source.charAt(index) : '\0';
	}

	private void add(Kind kind, String text) {
		this.last = new Token(kind, text, List.of(), List.of());
		this.tokens.add(this.last);
	}

	private boolean operandMayStart() {
		if (this.last == null) {
			return true;
		}
		return switch (this.last.kind()) {
			case NAME -> OPERAND_KEYWORDS.contains(this.last.text());
			case PUNCTUATOR -> !this.last.text().equals(")") && !this.last.text().equals("]");
			default -> false;
		};
	}

	/** A quoted string's value, its escapes resolved. */
	private String quoted(char quote) {
		this.at++;
		StringBuilder value = new StringBuilder();
		while (this.at < this.source.length() && this.source.charAt(this.at) != quote) {
			escapedOrPlain(value);
		}
		this.at++;
		return value.toString();
	}

	/** Appends the character at the cursor, or the one its escape stands for. */
	private void escapedOrPlain(StringBuilder value) {
		char c = this.source.charAt(this.at++);
		if (c != '\\' || this.at >= this.source.length()) {
			value.append(c);
			return;
		}
		char escaped = this.source.charAt(this.at++);
		switch (escaped) {
			case 'n' -> value.append('\n');
			case 't' -> value.append('\t');
			case 'r' -> value.append('\r');
			case 'u' -> unicodeEscape(value);
			case '\n' -> {
				// a line continuation adds nothing
			}
			default -> value.append(escaped);
		}
	}

	/**
	 * The code point of a unicode escape (four hex digits, or any in braces); else just
	 * "u".
	 */
	private void unicodeEscape(StringBuilder value) {
		boolean braced = peek(0) == '{';
		int start = this.at + (braced ? 1 : 0);
		int end = braced ? this.source.indexOf('}', start) : Math.min(this.source.length(), start + 4);
		try {
			value.appendCodePoint(Integer.parseInt(this.source.substring(start, end), 16));
			this.at = end + (braced ? 1 : 0);
		}
		catch (RuntimeException ex) {
			value.append('u');
		}
	}

	/**
	 * A template literal: its parts and the source of each substitution; the tokens of
	 * the substitutions are read too (a template inside one is a token of its own).
	 */
	private void template() {
		this.at++;
		List<String> parts = new ArrayList<>();
		List<String> substitutions = new ArrayList<>();
		int index = this.tokens.size();
		StringBuilder part = new StringBuilder();
		while (this.at < this.source.length() && this.source.charAt(this.at) != '`') {
			if (this.source.charAt(this.at) == '$' && peek(1) == '{') {
				parts.add(part.toString());
				part.setLength(0);
				this.at += 2;
				int start = this.at;
				read('}');
				substitutions.add(this.source.substring(start, this.at - 1).trim());
			}
			else {
				escapedOrPlain(part);
			}
		}
		this.at++;
		parts.add(part.toString());
		// Before the tokens of its substitutions, where it stands in the source.
		this.last = new Token(Kind.TEMPLATE, String.join("${}", parts), List.copyOf(parts), List.copyOf(substitutions));
		this.tokens.add(index, this.last);
	}

	private void regex() {
		int start = this.at++;
		boolean inClass = false;
		while (this.at < this.source.length()) {
			char c = this.source.charAt(this.at++);
			if (c == '\\') {
				this.at++;
			}
			else if (c == '[') {
				inClass = true;
			}
			else if (c == ']') {
				inClass = false;
			}
			else if (c == '/' && !inClass) {
				break;
			}
			else if (c == '\n') {
				break;
			}
		}
		while (this.at < this.source.length() && Character.isLetter(this.source.charAt(this.at))) {
			this.at++;
		}
		add(Kind.REGEX, this.source.substring(start, this.at));
	}

}
