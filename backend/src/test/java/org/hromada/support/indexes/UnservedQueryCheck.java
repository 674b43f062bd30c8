package org.hromada.support.indexes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hromada.store.CollectionIndexes;
import org.hromada.support.indexes.QueryShapeRecorder.Observation;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Fails a test class when the application sent, while it ran, a query that no declared
 * index serves ({@link IndexRules}) and that is not a deliberate full read
 * ({@link DeliberateScans}). The failure names each query's shape (field names only), the
 * application method that sent it and the index it lacks. Registered for every Spring
 * test class in META-INF/spring.factories; it runs after the class's other listeners, so
 * before a context is closed.
 * <p>
 * It also keeps {@code target/query-shapes.txt} up to date: every shape seen so far in
 * this run and the index that serves it.
 */
public class UnservedQueryCheck implements TestExecutionListener, Ordered {

	@Override
	public int getOrder() {
		// After-class callbacks run in reverse order: this one first.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void afterTestClass(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		List<DeclaredIndex> indexes = DeclaredIndex.of(context.getBeansOfType(CollectionIndexes.class).values());
		if (indexes.isEmpty()) {
			return;
		}
		List<String> unserved = unserved(QueryShapeRecorder.INSTANCE, indexes);
		ServedShapes.INSTANCE.write();
		if (!unserved.isEmpty()) {
			throw new AssertionError(unserved.size() + ((unserved.size() == 1) ? " MongoDB query" : " MongoDB queries")
					+ " sent while " + testContext.getTestClass().getSimpleName() + " ran "
					+ ((unserved.size() == 1) ? "has no declared index to serve it."
							: "have no declared index to serve them.")
					+ " Declare the index in the feature's store "
					+ "(CollectionIndexes), change the query, or, for a deliberate full read, add it to "
					+ "DeliberateScans with the reason:\n  " + String.join("\n  ", unserved));
		}
	}

	/**
	 * Each observation that no index serves and that is no deliberate full read,
	 * described with the index it lacks; every observation goes to the report.
	 */
	static List<String> unserved(QueryShapeRecorder recorder, List<DeclaredIndex> indexes) {
		List<String> unserved = new ArrayList<>();
		for (Observation observation : recorder.takeUnchecked()) {
			Optional<String> index = IndexRules.servingIndex(observation.shape(), indexes);
			index.ifPresent(name -> recorder.served(observation.shape()));
			Optional<DeliberateScans.Scan> deliberate = DeliberateScans.covering(observation);
			ServedShapes.INSTANCE.add(observation, index.orElse(null), deliberate.orElse(null));
			if (index.isEmpty() && deliberate.isEmpty()) {
				unserved.add(observation.describe() + "\n    needs an index such as "
						+ IndexRules.suggestion(observation.shape()));
			}
		}
		return unserved;
	}

}
