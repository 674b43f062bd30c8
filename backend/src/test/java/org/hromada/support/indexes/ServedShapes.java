package org.hromada.support.indexes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

import org.hromada.support.indexes.QueryShapeRecorder.Observation;

/**
 * Every query shape checked in this test run and what serves it, written to
 * {@code target/query-shapes.txt} (one line per shape, by collection): the material for
 * the README's list of indexes and the shapes they serve.
 */
final class ServedShapes {

	static final ServedShapes INSTANCE = new ServedShapes();

	private static final Path FILE = Path.of("target", "query-shapes.txt");

	private final Map<String, String> lines = new ConcurrentSkipListMap<>();

	void add(Observation observation, String index, DeliberateScans.Scan deliberate) {
		String servedBy = (index != null) ? "index " + index
				: (deliberate != null) ? "deliberate full read: " + deliberate.reason() : "UNSERVED";
		this.lines.put(observation.describe(), servedBy);
	}

	synchronized void write() {
		if (!Files.isDirectory(FILE.getParent())) {
			return;
		}
		String text = this.lines.entrySet()
			.stream()
			.map(entry -> entry.getKey() + "\n    -> " + entry.getValue())
			.collect(Collectors.joining("\n", "# " + QueryShapeRecorder.INSTANCE.cost() + "\n", "\n"));
		try {
			Files.writeString(FILE, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
