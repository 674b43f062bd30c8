package org.hromada.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import com.uber.h3core.AreaUnit;
import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;

/**
 * Proximity search without geo operators: the embedded store has none and no secondary
 * indexes, so a stored location carries H3 cell addresses (see {@link StoredLocation})
 * and a search runs as
 * <ol>
 * <li>{@link #cover(double, double, double)} the search circle with cells at one stored
 * resolution;</li>
 * <li>query {@code { "<location>.<cover.field>": { $in: cover.cells } }}, an equality
 * query that a real MongoDB answers from an ordinary index;</li>
 * <li>keep the documents with {@link #distanceKm(double, double, double, double)} &lt;=
 * radius and sort by it, in Java.</li>
 * </ol>
 * The cover is a superset of the cells that meet the circle, so step 2 never loses a
 * match (no false negatives) and step 3 removes the extra ones.
 * <p>
 * <b>Cover algorithm.</b> A flood fill over H3 neighbours from the cell of the centre: a
 * cell is taken when its centre lies within {@code radius + reach} of the search centre,
 * where {@code reach} is the largest distance from the cell's centre to one of its
 * boundary vertices (padded by 1 % and 1 m against rounding; not computed for cells whose
 * centre lies within the radius, which are taken anyway); only neighbours of taken cells
 * are examined. Why every cell that holds a point within the radius is taken:
 * <ul>
 * <li>A cell is a spherical polygon whose edges are great-circle arcs (H3 draws straight
 * hexagon edges in each icosahedron face's gnomonic projection, which maps straight lines
 * to great circles; cells crossing a face edge are split into convex pieces whose extra
 * vertices {@code cellToBoundary} returns). The distance from the cell centre is largest
 * at a vertex, so every point of the cell lies within {@code reach} of its centre; a cell
 * holding a point p with distance(centre, p) &lt;= radius therefore passes the test
 * (triangle inequality).</li>
 * <li>Such cells are connected through shared edges: the great-circle arc from the search
 * centre to p stays inside the circle and crosses cells that all meet the circle;
 * consecutive ones share an edge (where the arc passes a vertex, the three cells meeting
 * there pairwise share edges). So the flood fill, which follows the edge neighbours
 * {@code gridDisk(cell, 1)}, reaches each of them.</li>
 * </ul>
 * This holds near the poles, across the antimeridian and around pentagons alike: it only
 * uses H3's own neighbour relation (H3 4.x {@code gridDisk} handles pentagons) and
 * haversine distances. GeoCellsTests checks it with random circles and points, and at the
 * poles, the antimeridian and the pentagons.
 * <p>
 * <b>Resolution.</b> The finest stored resolution (9, then 7, then 5) whose cover has at
 * most {@value #MAX_COVER_CELLS} cells. The bound keeps a query small (2,000 addresses of
 * 15 characters are about 40 KB of BSON, far below the 16 MB document limit) and cheap on
 * a real MongoDB, which answers it with at most 2,000 index point look-ups; a coarser
 * resolution costs only extra documents fetched and dropped in Java. The coarsest cover,
 * resolution 5 at 100 km, has about 125 to 225 cells (cell sizes vary over the globe); it
 * is used whatever its size. Measured, resolution 9 serves radii up to 7 to 9 km and
 * resolution 7 up to 50 to 64 km, depending on the local cell size; a cover takes well
 * under 10 ms.
 * <p>
 * A store that scans, like the embedded one, pays per document for each cell in the
 * {@code $in} list (mongo-java-server compares the value with the list's elements one by
 * one: about 1.3 s for 2,000 cells over 10,000 documents, 70 ms for 50), so it should
 * pass a small bound to {@link #cover(double, double, double, int)}, down to 0 for always
 * the coarsest resolution.
 * <p>
 * All methods are thread-safe. Spring-free.
 */
public final class GeoCells {

	/** Mean earth radius (IUGG), kilometres. */
	public static final double EARTH_RADIUS_KM = 6371.0088;

	/** Largest search radius, kilometres. */
	public static final double MAX_RADIUS_KM = 100;

	/** Largest number of cells in a {@link Cover}; see the class description. */
	public static final int MAX_COVER_CELLS = 2_000;

	/** Stored resolutions, finest first; the order in which {@link #cover} tries them. */
	static final int[] RESOLUTIONS_FINEST_FIRST = { StoredLocation.FINE_RESOLUTION, StoredLocation.MEDIUM_RESOLUTION,
			StoredLocation.COARSE_RESOLUTION };

	/**
	 * Upper bound of a cell's area over the average hexagon's at its resolution (1.207
	 * measured over all cells at resolutions 3 to 5, matching H3's published statistics
	 * for all resolutions), to skip a resolution whose cover certainly exceeds
	 * {@link #MAX_COVER_CELLS} without computing it.
	 */
	private static final double LARGEST_TO_AVERAGE_CELL_AREA = 1.25;

	/** Relative padding of a cell's reach against rounding. */
	private static final double REACH_PADDING = 1.01;

	/** Absolute padding of a cell's reach against rounding, kilometres. */
	private static final double REACH_MARGIN_KM = 0.001;

	private GeoCells() {
	}

	/**
	 * Great-circle distance by the haversine formula on a sphere of radius
	 * {@link #EARTH_RADIUS_KM}. Accurate to about 0.5 % against the WGS 84 ellipsoid,
	 * which is enough to rank and filter.
	 * @param lat1 latitude of the first point, degrees
	 * @param lon1 longitude of the first point, degrees
	 * @param lat2 latitude of the second point, degrees
	 * @param lon2 longitude of the second point, degrees
	 * @return the distance in kilometres
	 */
	public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
		double phi1 = Math.toRadians(lat1);
		double phi2 = Math.toRadians(lat2);
		double sinHalfDeltaPhi = Math.sin((phi2 - phi1) / 2);
		double sinHalfDeltaLambda = Math.sin(Math.toRadians(lon2 - lon1) / 2);
		double a = sinHalfDeltaPhi * sinHalfDeltaPhi
				+ Math.cos(phi1) * Math.cos(phi2) * sinHalfDeltaLambda * sinHalfDeltaLambda;
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, Math.max(0, a))));
	}

	/**
	 * The H3 cells that cover a search circle: every point within {@code radiusKm} of the
	 * centre lies in one of them. See the class description for the algorithm and the
	 * resolution chosen.
	 * @param latitude centre latitude, degrees, -90 to 90
	 * @param longitude centre longitude, degrees, -180 to 180
	 * @param radiusKm search radius, kilometres, greater than 0 and at most
	 * {@link #MAX_RADIUS_KM}
	 * @return the cover
	 * @throws IllegalArgumentException if a coordinate or the radius is out of range
	 */
	public static Cover cover(double latitude, double longitude, double radiusKm) {
		return cover(latitude, longitude, radiusKm, MAX_COVER_CELLS);
	}

	/**
	 * The H3 cells that cover a search circle, at the finest stored resolution whose
	 * cover has at most {@code maxCells} cells, or else at the coarsest stored resolution
	 * whatever its size.
	 * @param latitude centre latitude, degrees, -90 to 90
	 * @param longitude centre longitude, degrees, -180 to 180
	 * @param radiusKm search radius, kilometres, greater than 0 and at most
	 * {@link #MAX_RADIUS_KM}
	 * @param maxCells largest number of cells at a finer resolution than the coarsest, at
	 * least 0
	 * @return the cover
	 * @throws IllegalArgumentException if a coordinate, the radius or the bound is out of
	 * range
	 */
	public static Cover cover(double latitude, double longitude, double radiusKm, int maxCells) {
		checkCoordinates(latitude, longitude);
		if (maxCells < 0) {
			throw new IllegalArgumentException("maxCells must be at least 0 but was " + maxCells);
		}
		if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) {
			throw new IllegalArgumentException(
					"radiusKm must be greater than 0 and at most " + MAX_RADIUS_KM + " but was " + radiusKm);
		}
		double circleAreaKm2 = 2 * Math.PI * EARTH_RADIUS_KM * EARTH_RADIUS_KM
				* (1 - Math.cos(radiusKm / EARTH_RADIUS_KM));
		for (int i = 0; i < RESOLUTIONS_FINEST_FIRST.length - 1; i++) {
			int resolution = RESOLUTIONS_FINEST_FIRST[i];
			double largestCellKm2 = LARGEST_TO_AVERAGE_CELL_AREA * h3().getHexagonAreaAvg(resolution, AreaUnit.km2);
			if (circleAreaKm2 > maxCells * largestCellKm2) {
				// The cells must cover the circle's area, so there would certainly be too
				// many.
				continue;
			}
			Set<String> cells = cover(latitude, longitude, radiusKm, resolution, maxCells);
			if (cells != null) {
				return new Cover(StoredLocation.field(resolution), cells);
			}
		}
		int coarsest = RESOLUTIONS_FINEST_FIRST[RESOLUTIONS_FINEST_FIRST.length - 1];
		return new Cover(StoredLocation.field(coarsest),
				cover(latitude, longitude, radiusKm, coarsest, Integer.MAX_VALUE));
	}

	/**
	 * The cover at one resolution, or {@code null} as soon as it would exceed
	 * {@code limit} cells (so a too fine resolution costs at most about {@code limit}
	 * cells of work).
	 */
	static Set<String> cover(double latitude, double longitude, double radiusKm, int resolution, int limit) {
		H3Core h3 = h3();
		long start = h3.latLngToCell(latitude, longitude, resolution);
		Set<Long> seen = new HashSet<>();
		ArrayDeque<Long> pending = new ArrayDeque<>();
		Set<String> taken = new LinkedHashSet<>();
		seen.add(start);
		pending.add(start);
		while (!pending.isEmpty()) {
			long cell = pending.poll();
			if (cell != start && !mayMeetCircle(h3, cell, latitude, longitude, radiusKm)) {
				continue;
			}
			taken.add(h3.h3ToString(cell));
			if (taken.size() > limit) {
				return null;
			}
			for (long neighbour : h3.gridDisk(cell, 1)) {
				if (seen.add(neighbour)) {
					pending.add(neighbour);
				}
			}
		}
		return taken;
	}

	/**
	 * Whether the cell can hold a point within the radius: its centre lies within radius
	 * + reach.
	 */
	private static boolean mayMeetCircle(H3Core h3, long cell, double latitude, double longitude, double radiusKm) {
		LatLng centre = h3.cellToLatLng(cell);
		double centreDistanceKm = distanceKm(latitude, longitude, centre.lat, centre.lng);
		if (centreDistanceKm <= radiusKm) {
			return true;
		}
		double reach = 0;
		for (LatLng vertex : h3.cellToBoundary(cell)) {
			reach = Math.max(reach, distanceKm(centre.lat, centre.lng, vertex.lat, vertex.lng));
		}
		return centreDistanceKm <= radiusKm + reach * REACH_PADDING + REACH_MARGIN_KM;
	}

	/**
	 * The address of the H3 cell that holds a point.
	 * @param latitude degrees
	 * @param longitude degrees
	 * @param resolution H3 resolution, 0 to 15
	 * @return the cell address, 15 lower-case hexadecimal digits
	 */
	/**
	 * The coarse cells (resolution {@value StoredLocation#COARSE_RESOLUTION}) whose
	 * centre lies within the radius of the point. Searches by callers who may not see
	 * exact locations select and measure by these centres only, so where a household lies
	 * inside its coarse cell never shows.
	 */
	public static Set<String> coarseCellsCentredWithin(double latitude, double longitude, double radiusKm) {
		H3Core h3 = h3();
		String centre = h3.latLngToCellAddress(latitude, longitude, StoredLocation.COARSE_RESOLUTION);
		// Neighbouring resolution-5 centres are at least about 14 km apart, so k rings of
		// 10 km reach every
		// cell whose centre is within the radius, with a ring to spare.
		int rings = (int) Math.ceil(radiusKm / 10.0) + 1;
		Set<String> cells = new java.util.HashSet<>();
		for (String cell : h3.gridDisk(centre, rings)) {
			double[] c = center(cell);
			if (distanceKm(latitude, longitude, c[0], c[1]) <= radiusKm) {
				cells.add(cell);
			}
		}
		return cells;
	}

	/** The centre of a cell as {latitude, longitude}. */
	public static double[] center(String cell) {
		com.uber.h3core.util.LatLng center = h3().cellToLatLng(cell);
		return new double[] { center.lat, center.lng };
	}

	/** The cell address holding a point at a resolution. */
	public static String cell(double latitude, double longitude, int resolution) {
		return h3().latLngToCellAddress(latitude, longitude, resolution);
	}

	static void checkCoordinates(double latitude, double longitude) {
		if (!(latitude >= -90 && latitude <= 90)) {
			throw new IllegalArgumentException("latitude must be between -90 and 90 but was " + latitude);
		}
		if (!(longitude >= -180 && longitude <= 180)) {
			throw new IllegalArgumentException("longitude must be between -180 and 180 but was " + longitude);
		}
	}

	/**
	 * The shared H3 instance. {@link H3Core#newInstance()} loads a native library, so it
	 * is created once, on first use (initialization-on-demand holder); H3Core keeps no
	 * mutable state and is safe to share.
	 * @return the instance
	 */
	static H3Core h3() {
		return H3Holder.INSTANCE;
	}

	/**
	 * The cells covering a search circle at one stored resolution.
	 *
	 * @param field the field of {@link StoredLocation} that holds the cell at this
	 * resolution, relative to the location (for example {@code "r7"}); prefix it with the
	 * location's own field path to query
	 * @param cells cell addresses at that resolution; every point within the radius lies
	 * in one of them
	 */
	public record Cover(String field, Set<String> cells) {

		public Cover {
			StoredLocation.resolution(field);
			cells = Collections.unmodifiableSet(new LinkedHashSet<>(cells));
		}

		/**
		 * The H3 resolution of the cells.
		 * @return the resolution
		 */
		public int resolution() {
			return StoredLocation.resolution(this.field);
		}

		/**
		 * Whether a point lies in one of the cells: the query's condition, evaluated in
		 * Java.
		 * @param latitude degrees
		 * @param longitude degrees
		 * @return whether the point's cell at this resolution is in the cover
		 */
		public boolean contains(double latitude, double longitude) {
			return this.cells.contains(cell(latitude, longitude, resolution()));
		}

	}

	private static final class H3Holder {

		static final H3Core INSTANCE = load();

		private static H3Core load() {
			try {
				return H3Core.newInstance();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot load the H3 native library", ex);
			}
		}

	}

}
