package org.hromada.project;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * Exact sums of int64 values in a MongoDB $group. A plain $sum of int64 values past 2^63
 * - 1 turns into an inexact double on MongoDB and wraps around on the embedded store, and
 * the embedded store has neither $toDecimal nor an exact $mod. So each value x is split
 * into high = x / 2^32 (through a double, so maybe off by one) and low = x - high * 2^32
 * (int64 arithmetic, exact on both stores, so x = high * 2^32 + low holds whatever the
 * rounding); each part is summed as an int64 (exact for millions of documents) and the
 * parts are put together in Java. Values must stay below 2^62 (a project's sums are at
 * most 10^18).
 */
final class ExactSums {

	private static final long BASE = 1L << 32;

	private ExactSums() {
	}

	/**
	 * Adds to a $group stage the accumulators of each named sum of a field (a "$path"),
	 * as two parts that {@link #total} puts together.
	 */
	static Document parts(Document group, Map<String, String> sums) {
		sums.forEach((name, path) -> {
			// A missing value (a gap without budget) counts 0, as $sum ignores it.
			Document value = new Document("$ifNull", List.of(path, 0L));
			Document high = new Document("$toLong",
					new Document("$trunc", new Document("$divide", List.of(value, BASE))));
			Document low = new Document("$subtract", List.of(value, new Document("$multiply", List.of(high, BASE))));
			group.append(name + "Low", new Document("$sum", low)).append(name + "High", new Document("$sum", high));
		});
		return group;
	}

	/**
	 * The exact sum named in {@link #parts}, from a row of the $group; 0 without values.
	 */
	static BigInteger total(Document row, String name) {
		return BigInteger.valueOf(part(row, name + "High"))
			.shiftLeft(32)
			.add(BigInteger.valueOf(part(row, name + "Low")));
	}

	private static long part(Document row, String field) {
		Object value = row.get(field);
		return (value != null) ? ((Number) value).longValue() : 0;
	}

}
