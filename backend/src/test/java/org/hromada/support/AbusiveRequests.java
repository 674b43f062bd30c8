package org.hromada.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The abusive requests of issue 8 that the request limits refuse, shared by the
 * in-process limit tests and the start check of the built image, so both send the same
 * ones.
 */
public final class AbusiveRequests {

	/**
	 * 52 levels deep. The schema's own types do not nest (no type references itself),
	 * introspection's do: __Type.ofType.
	 */
	public static final String DEPTH_BOMB = "{ __type(name: \"AidRequest\") { " + "ofType { ".repeat(50) + "name"
			+ " }".repeat(50) + " } }";

	public static final String DEPTH_BOMB_REFUSAL = "Query depth 52 exceeds the limit of 15";

	public static final String ALIAS_BOMB = IntStream.range(0, 1000)
		.mapToObj(i -> "a" + i + ": me { id }")
		.collect(Collectors.joining(" ", "{ ", " }"));

	public static final String ALIAS_BOMB_REFUSAL = "Query alias count 1000 exceeds the limit of 30";

	public static final String THREE_THOUSAND_FIELDS = "{ " + "__typename ".repeat(3000) + "}";

	public static final String THREE_THOUSAND_FIELDS_REFUSAL = "Query field count 3000 exceeds the limit of 2000";

	private AbusiveRequests() {
	}

	/**
	 * A GraphQL request body of exactly {@code size} bytes: a small query, padded in a
	 * variable.
	 */
	public static byte[] paddedBody(int size) {
		byte[] body = new byte[size];
		byte[] head = "{\"query\": \"{ me { id } }\", \"variables\": {\"pad\": \"".getBytes(StandardCharsets.UTF_8);
		byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
		Arrays.fill(body, (byte) 'x');
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(tail, 0, body, size - tail.length, tail.length);
		return body;
	}

}
