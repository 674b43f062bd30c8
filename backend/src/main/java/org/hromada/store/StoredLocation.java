package org.hromada.store;

import org.springframework.data.mongodb.core.geo.GeoJsonPoint;

/**
 * A location as the store keeps it, embedded in a document: the exact point plus the
 * addresses of the H3 cells that hold it at three resolutions, which proximity search
 * queries by equality (see {@link GeoCells}). Stored as <pre>
 * { "point": { "type": "Point", "coordinates": [longitude, latitude] },
 *   "r5": "85...", "r7": "87...", "r9": "89..." }
 * </pre> The field names are part of the stored format and of the queries: use the
 * constants, prefixed with the path of the embedding field, for example
 * {@code "location." + StoredLocation.R7}. A real MongoDB should index each cell field
 * that is queried; the point can also carry a 2dsphere index there.
 * <p>
 * Resolutions (H3 4.x averages over hexagons):
 * <ul>
 * <li>{@value #COARSE_RESOLUTION}: about 253 km² per cell, 9.9 km edge. Searches of the
 * largest radii (up to 100 km) use it, and it is the <b>coarse cell</b> shown to partners
 * instead of a household's exact location: at this size a cell holds many settlements, so
 * it tells roughly where, not who.</li>
 * <li>{@value #MEDIUM_RESOLUTION}: about 5.2 km² per cell, 1.4 km edge; searches of radii
 * up to about 50 km.</li>
 * <li>{@value #FINE_RESOLUTION}: about 0.1 km² per cell, 200 m edge; searches of a few
 * kilometres, such as within a town.</li>
 * </ul>
 * Each resolution is two H3 levels (a factor of 7 in edge length, 49 in area) from the
 * next, so a radius is never far from a resolution that suits it. The cells are computed
 * from the point, each on its own: H3 cells do not nest exactly, so the coarser cell is
 * not always the parent of the finer one, and code must not derive one from another.
 *
 * @param point the point, x = longitude, y = latitude (WGS 84 degrees)
 * @param r5 address of the cell at resolution {@value #COARSE_RESOLUTION}
 * @param r7 address of the cell at resolution {@value #MEDIUM_RESOLUTION}
 * @param r9 address of the cell at resolution {@value #FINE_RESOLUTION}
 */
public record StoredLocation(GeoJsonPoint point, String r5, String r7, String r9) {

	/** Field of the GeoJSON point. */
	public static final String POINT = "point";

	/** Field of the cell at resolution {@value #COARSE_RESOLUTION}. */
	public static final String R5 = "r5";

	/** Field of the cell at resolution {@value #MEDIUM_RESOLUTION}. */
	public static final String R7 = "r7";

	/** Field of the cell at resolution {@value #FINE_RESOLUTION}. */
	public static final String R9 = "r9";

	/** The coarsest stored resolution, also the coarse cell shown to partners. */
	public static final int COARSE_RESOLUTION = 5;

	/** The middle stored resolution. */
	public static final int MEDIUM_RESOLUTION = 7;

	/** The finest stored resolution. */
	public static final int FINE_RESOLUTION = 9;

	/**
	 * The stored location of a point, with its cells computed.
	 * @param latitude degrees, -90 to 90
	 * @param longitude degrees, -180 to 180
	 * @return the location
	 * @throws IllegalArgumentException if a coordinate is out of range or not a number
	 */
	public static StoredLocation of(double latitude, double longitude) {
		GeoCells.checkCoordinates(latitude, longitude);
		return new StoredLocation(new GeoJsonPoint(longitude, latitude),
				GeoCells.cell(latitude, longitude, COARSE_RESOLUTION),
				GeoCells.cell(latitude, longitude, MEDIUM_RESOLUTION),
				GeoCells.cell(latitude, longitude, FINE_RESOLUTION));
	}

	/**
	 * The field that holds the cell at a stored resolution.
	 * @param resolution {@value #COARSE_RESOLUTION}, {@value #MEDIUM_RESOLUTION} or
	 * {@value #FINE_RESOLUTION}
	 * @return the field name, relative to the location
	 * @throws IllegalArgumentException for a resolution that is not stored
	 */
	public static String field(int resolution) {
		return switch (resolution) {
			case COARSE_RESOLUTION -> R5;
			case MEDIUM_RESOLUTION -> R7;
			case FINE_RESOLUTION -> R9;
			default -> throw new IllegalArgumentException("Resolution " + resolution + " is not stored");
		};
	}

	/**
	 * The resolution of the cell a field holds.
	 * @param field {@link #R5}, {@link #R7} or {@link #R9}
	 * @return the resolution
	 * @throws IllegalArgumentException for any other field
	 */
	public static int resolution(String field) {
		if (field == null) {
			throw new IllegalArgumentException("No cell field given");
		}
		return switch (field) {
			case R5 -> COARSE_RESOLUTION;
			case R7 -> MEDIUM_RESOLUTION;
			case R9 -> FINE_RESOLUTION;
			default -> throw new IllegalArgumentException("'" + field + "' is not a cell field");
		};
	}

	/**
	 * The address of the cell at a stored resolution.
	 * @param resolution {@value #COARSE_RESOLUTION}, {@value #MEDIUM_RESOLUTION} or
	 * {@value #FINE_RESOLUTION}
	 * @return the address, or {@code null} if not stored
	 */
	public String cell(int resolution) {
		return switch (resolution) {
			case COARSE_RESOLUTION -> this.r5;
			case MEDIUM_RESOLUTION -> this.r7;
			case FINE_RESOLUTION -> this.r9;
			default -> throw new IllegalArgumentException("Resolution " + resolution + " is not stored");
		};
	}

	/**
	 * Great-circle distance from this location to a point, see
	 * {@link GeoCells#distanceKm(double, double, double, double)}.
	 * @param latitude degrees
	 * @param longitude degrees
	 * @return the distance in kilometres
	 */
	public double distanceKm(double latitude, double longitude) {
		return GeoCells.distanceKm(this.point.getY(), this.point.getX(), latitude, longitude);
	}

}
