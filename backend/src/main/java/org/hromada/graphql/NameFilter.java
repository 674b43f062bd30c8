package org.hromada.graphql;

import java.util.Arrays;
import java.util.regex.Pattern;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The nameContains filter of lists: a part of a name, in any case, matched literally (the
 * client's text is quoted, never read as a pattern) in any of the given fields.
 */
public final class NameFilter {

	private NameFilter() {
	}

	/**
	 * The condition for the client's text, refusing an empty or overlong one with a clear
	 * error.
	 */
	public static Criteria containing(String text, String... fields) {
		String part = text.strip();
		if (part.isEmpty() || part.length() > 100) {
			throw new BadRequestException("filter.nameContains must have 1 to 100 characters");
		}
		String pattern = Pattern.quote(part);
		return new Criteria().orOperator(
				Arrays.stream(fields).map(field -> Criteria.where(field).regex(pattern, "i")).toArray(Criteria[]::new));
	}

}
