package org.hromada.support.indexes;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Records the shape of every query the application sends to MongoDB during the tests,
 * with the application method that sent it (the nearest frame of the application's own
 * code on the calling thread). Queries a test sends itself, to seed or inspect the store,
 * are not the application's and are left out.
 * <p>
 * One recorder serves the whole test run: every application context the tests start sends
 * its commands here ({@link QueryShapeRecording}), and {@link UnservedQueryCheck} takes
 * what is new after each test class. Each distinct shape and origin is kept once. Finding
 * the origin walks the stack, so it is skipped for shapes already found served (by
 * whichever method sends them): most commands cost only their reduction to a shape and a
 * set look-up.
 */
final class QueryShapeRecorder implements CommandListener {

	static final QueryShapeRecorder INSTANCE = new QueryShapeRecorder();

	private static final String OWN_NAME = QueryShapeRecorder.class.getName();

	private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

	/** Whether a class was compiled from the test sources. */
	private static final ClassValue<Boolean> TEST_CLASS = new ClassValue<>() {
		@Override
		protected Boolean computeValue(Class<?> type) {
			CodeSource source = type.getProtectionDomain().getCodeSource();
			return source != null && source.getLocation() != null
					&& source.getLocation().getPath().contains("/test-classes/");
		}
	};

	private final Map<String, Observation> observed = new ConcurrentHashMap<>();

	/** Shapes an index serves, from any origin: nothing more to learn from them. */
	private final Set<String> served = ConcurrentHashMap.newKeySet();

	/** Commands seen and the time spent on them, for the cost of the check. */
	private final LongAdder commands = new LongAdder();

	private final LongAdder nanos = new LongAdder();

	/** A shape the application sent, from where; checked once. */
	record Observation(QueryShape shape, String origin, AtomicBoolean checked) {

		String describe() {
			return this.shape.describe() + " from " + this.origin;
		}

	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		long start = System.nanoTime();
		record(QueryShape.of(event.getCommandName(), event.getCommand()));
		this.commands.increment();
		this.nanos.add(System.nanoTime() - start);
	}

	private void record(List<QueryShape> shapes) {
		List<QueryShape> unknown = shapes.stream().filter(shape -> !this.served.contains(shape.describe())).toList();
		if (unknown.isEmpty()) {
			return;
		}
		Optional<String> origin = applicationOrigin();
		if (origin.isEmpty()) {
			return;
		}
		unknown.forEach(shape -> observe(shape, origin.get()));
	}

	/** Keeps the shape, sent from the origin, unless it is known already. */
	void observe(QueryShape shape, String origin) {
		this.observed.computeIfAbsent(shape.describe() + " from " + origin,
				key -> new Observation(shape, origin, new AtomicBoolean()));
	}

	/** The shape is served by an index, whoever sends it. */
	void served(QueryShape shape) {
		this.served.add(shape.describe());
	}

	/** How many commands were seen, and the milliseconds spent recording them. */
	String cost() {
		return this.commands.sum() + " commands recorded in " + (this.nanos.sum() / 1_000_000) + " ms";
	}

	/** The observations not checked yet, marked checked. */
	List<Observation> takeUnchecked() {
		List<Observation> taken = new ArrayList<>();
		for (Observation observation : this.observed.values()) {
			if (observation.checked().compareAndSet(false, true)) {
				taken.add(observation);
			}
		}
		return taken;
	}

	/**
	 * The application method nearest the driver on this thread, e.g.
	 * {@code aid.AidRequestSearch#list}; empty when that nearest code is a test's own.
	 * Commands sent from no application code at all (a framework's own) are kept under
	 * "framework".
	 */
	private static Optional<String> applicationOrigin() {
		Optional<StackWalker.StackFrame> nearest = STACK.walk(
				frames -> frames
					.filter(frame -> frame.getClassName().startsWith("org.hromada.")
							&& !frame.getClassName().startsWith(OWN_NAME) && !generated(frame.getClassName()))
					.findFirst());
		if (nearest.isEmpty()) {
			return Optional.of("framework");
		}
		StackWalker.StackFrame frame = nearest.get();
		if (TEST_CLASS.get(frame.getDeclaringClass())) {
			return Optional.empty();
		}
		return Optional.of(frame.getClassName().substring("org.hromada.".length()) + "#" + method(frame));
	}

	/**
	 * Proxies (Spring's subclasses, the JDK proxies of repositories, defined in the
	 * feature's package) are not where a query is written: the caller is.
	 */
	private static boolean generated(String className) {
		return className.contains("$$") || className.contains(".$Proxy");
	}

	/** The method's own name, also for a lambda in it (lambda$list$0 is list). */
	private static String method(StackWalker.StackFrame frame) {
		String name = frame.getMethodName();
		if (name.startsWith("lambda$")) {
			int end = name.lastIndexOf('$');
			return name.substring("lambda$".length(), (end > "lambda$".length()) ? end : name.length());
		}
		return name;
	}

}
