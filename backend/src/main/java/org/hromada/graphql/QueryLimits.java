package org.hromada.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of every GraphQL request (hromada.graphql.limits.*), so that an abusive request
 * is refused early and cheaply, with a BAD_REQUEST error naming the limit and its value.
 *
 * @param maxDepth most fields nested in one another along any path ({@code { me { id } }}
 * is 2); fragments add the depth of their own fields where they are spread
 * @param maxComplexity most values an operation can return: each field counts 1, times
 * the most items of every list around it (a connection's first, a list's declared size;
 * see ListSizes), a fragment counted at every place it is spread; at most
 * {@value #LARGEST_COMPLEXITY}, so that graphql-java's int sums cannot overflow
 * @param maxFields most fields written in the document, each counted once (a fragment at
 * every place it is spread), whatever the lists around them: a flat bound checked before
 * the schema-aware complexity, so that a wide document is refused before it is walked
 * @param maxTokens most grammar tokens the parser reads before giving up (graphql-java's
 * ParserOptions maxTokens, set per request)
 * @param maxAliases most aliased fields in an operation, a fragment counted at every
 * place it is spread
 * @param maxValidationErrors most validation errors reported for one document; validation
 * stops there
 * @param maxRequestSize largest HTTP request body accepted on the GraphQL endpoint;
 * larger ones get HTTP 413 before authentication and before being read
 */
@ConfigurationProperties("hromada.graphql.limits")
public record QueryLimits(@DefaultValue("15") int maxDepth, @DefaultValue("20000") int maxComplexity,
		@DefaultValue("2000") int maxFields, @DefaultValue("15000") int maxTokens, @DefaultValue("30") int maxAliases,
		@DefaultValue("10") int maxValidationErrors, @DefaultValue("6MB") DataSize maxRequestSize) {

	/**
	 * The largest body limit that can be set: far above any sensible value, and an int
	 * number of bytes.
	 */
	static final DataSize LARGEST_REQUEST_SIZE = DataSize.ofMegabytes(100);

	/** The largest complexity limit: its square stays within an int. */
	static final int LARGEST_COMPLEXITY = 40_000;

	public QueryLimits {
		requirePositive("max-depth", maxDepth);
		requirePositive("max-complexity", maxComplexity);
		if (maxComplexity > LARGEST_COMPLEXITY) {
			throw new IllegalArgumentException("hromada.graphql.limits.max-complexity must be at most "
					+ LARGEST_COMPLEXITY + ", was " + maxComplexity);
		}
		requirePositive("max-fields", maxFields);
		requirePositive("max-tokens", maxTokens);
		requirePositive("max-aliases", maxAliases);
		requirePositive("max-validation-errors", maxValidationErrors);
		maxRequestSize = (maxRequestSize != null) ? maxRequestSize : DataSize.ofMegabytes(6);
		if (maxRequestSize.toBytes() < 1 || maxRequestSize.compareTo(LARGEST_REQUEST_SIZE) > 0) {
			throw new IllegalArgumentException("hromada.graphql.limits.max-request-size must be between 1B and "
					+ LARGEST_REQUEST_SIZE.toMegabytes() + "MB, was " + maxRequestSize);
		}
	}

	private static void requirePositive(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException("hromada.graphql.limits." + name + " must be at least 1, was " + value);
		}
	}

}
