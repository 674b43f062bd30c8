package org.hromada.webapp;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.hromada.webapp.ScriptTokens.Kind;
import org.hromada.webapp.ScriptTokens.Token;

/**
 * The GraphQL documents the web client sends, read from its modules (static/app/**.js):
 * every string or template literal that starts with {@code query}, {@code mutation} or
 * {@code subscription}. A template may substitute a constant of its own module that is a
 * literal itself ({@code const FIELDS = 'id status'} in {@code ${FIELDS}}); any other
 * substitution makes the document one that only running the client could tell, and is
 * reported as a problem, so that every document stays checkable.
 */
final class FieldAppDocuments {

	private static final Pattern OPERATION = Pattern.compile("^\\s*(query|mutation|subscription)\\b");

	/** A document and where it is written. */
	record Document(URI module, String text) {

		@Override
		public String toString() {
			return this.module + ": " + this.text.strip().lines().findFirst().orElse("");
		}

	}

	private final List<Document> documents = new ArrayList<>();

	private final List<String> problems = new ArrayList<>();

	private FieldAppDocuments() {
	}

	static FieldAppDocuments ofTheApp() {
		FieldAppDocuments found = new FieldAppDocuments();
		for (URI module : FieldAppModuleGraph.appModules()) {
			found.read(module, FieldAppModuleGraph.source(module));
		}
		return found;
	}

	static FieldAppDocuments of(URI module, String source) {
		FieldAppDocuments found = new FieldAppDocuments();
		found.read(module, source);
		return found;
	}

	List<Document> documents() {
		return this.documents;
	}

	/** Documents whose text depends on more than constants of their module. */
	List<String> problems() {
		return this.problems;
	}

	private void read(URI module, String source) {
		List<Token> tokens = ScriptTokens.of(source);
		Map<String, Token> constants = new HashMap<>();
		for (int i = 0; i + 3 < tokens.size(); i++) {
			if (tokens.get(i).is(Kind.NAME, "const") && tokens.get(i + 1).kind() == Kind.NAME
					&& tokens.get(i + 2).is(Kind.PUNCTUATOR, "=") && tokens.get(i + 3).isLiteral()) {
				constants.putIfAbsent(tokens.get(i + 1).text(), tokens.get(i + 3));
			}
		}
		for (Token token : tokens) {
			if (token.isLiteral()
					&& OPERATION.matcher(token.parts().isEmpty() ? token.text() : token.parts().get(0)).find()) {
				String text = text(token, constants, module, 0);
				if (text != null) {
					this.documents.add(new Document(module, text));
				}
			}
		}
	}

	/** The literal's text with its substitutions filled, or null (a problem noted). */
	private String text(Token literal, Map<String, Token> constants, URI module, int depth) {
		if (literal.kind() == Kind.STRING) {
			return literal.text();
		}
		StringBuilder text = new StringBuilder(literal.parts().get(0));
		for (int i = 0; i < literal.substitutions().size(); i++) {
			String substitution = literal.substitutions().get(i);
			Token constant = constants.get(substitution);
			String value = (constant != null && depth < 5) ? text(constant, constants, module, depth + 1) : null;
			if (value == null) {
				this.problems.add(module + ": a GraphQL document substitutes ${" + substitution
						+ "}, which is not a literal constant of its module; build documents from literals only, "
						+ "so that their size can be checked before they are sent");
				return null;
			}
			text.append(value).append(literal.parts().get(i + 1));
		}
		return text.toString();
	}

}
