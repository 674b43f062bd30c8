package org.hromada.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The cover of a search circle never misses a point within the radius, and searching
 * through it finds exactly what a brute-force distance filter finds.
 */
class GeoCellsTests {

	/**
	 * A point relative to a circle: compass bearing in degrees, distance as a multiple of
	 * the radius.
	 */
	record Offset(double bearing, double fraction) {
	}

	/** Points probed along each edge of a cell next to a cover. */
	private static final int EDGE_PROBES = 24;

	@Property(tries = 400)
	void coverHoldsEveryPointWithinTheRadius(@ForAll @DoubleRange(min = -85, max = 85) double latitude,
			@ForAll @DoubleRange(min = -180, max = 180) double longitude,
			@ForAll @DoubleRange(min = 0, minIncluded = false, max = 100) double radiusKm,
			@ForAll("offsets") List<Offset> offsets) {
		GeoCells.Cover cover = GeoCells.cover(latitude, longitude, radiusKm);
		assertThat(cover.cells()).hasSizeLessThanOrEqualTo(GeoCells.MAX_COVER_CELLS);
		assertCovers(cover, latitude, longitude, radiusKm, offsets);
		GeoCells.Cover coarsest = GeoCells.cover(latitude, longitude, radiusKm, 0);
		assertThat(coarsest.field()).isEqualTo(StoredLocation.R5);
		assertCovers(coarsest, latitude, longitude, radiusKm, offsets);
	}

	@Property(tries = 150)
	void searchingThroughTheCoverFindsWhatBruteForceFinds(@ForAll @DoubleRange(min = -85, max = 85) double latitude,
			@ForAll @DoubleRange(min = -180, max = 180) double longitude,
			@ForAll @DoubleRange(min = 0, minIncluded = false, max = 100) double radiusKm,
			@ForAll("offsets") List<Offset> offsets) {
		List<StoredLocation> stored = offsets.stream()
			.map((offset) -> destination(latitude, longitude, offset.bearing(), offset.fraction() * radiusKm))
			.map((point) -> StoredLocation.of(point[0], point[1]))
			.toList();
		GeoCells.Cover cover = GeoCells.cover(latitude, longitude, radiusKm);
		Set<Integer> found = IntStream.range(0, stored.size())
			.filter((i) -> cover.cells().contains(stored.get(i).cell(cover.resolution())))
			.filter((i) -> stored.get(i).distanceKm(latitude, longitude) <= radiusKm)
			.boxed()
			.collect(Collectors.toSet());
		Set<Integer> bruteForce = IntStream.range(0, stored.size())
			.filter((i) -> GeoCells.distanceKm(latitude, longitude, stored.get(i).point().getY(),
					stored.get(i).point().getX()) <= radiusKm)
			.boxed()
			.collect(Collectors.toSet());
		assertThat(found).isEqualTo(bruteForce);
	}

	/**
	 * The sharpest check of the cover: a cell outside it but next to it (any cell meeting
	 * the circle would be connected to the cover through such a cell) has no boundary
	 * point inside the circle, so no point at all. Random points rarely land in the thin
	 * slivers where a too tight cover would fail; this probes the boundaries themselves.
	 */
	@Property(tries = 200)
	void noCellNextToTheCoverReachesIntoTheCircle(@ForAll @DoubleRange(min = -89, max = 89) double latitude,
			@ForAll @DoubleRange(min = -180, max = 180) double longitude,
			@ForAll @DoubleRange(min = 0, minIncluded = false, max = 100) double radiusKm) {
		assertNoNeighbourReachesIn(GeoCells.cover(latitude, longitude, radiusKm), latitude, longitude, radiusKm);
		assertNoNeighbourReachesIn(GeoCells.cover(latitude, longitude, radiusKm, 0), latitude, longitude, radiusKm);
	}

	@Provide
	Arbitrary<List<Offset>> offsets() {
		Arbitrary<Double> bearings = Arbitraries.doubles().between(0, 360);
		// Half anywhere up to 1.5 radii, half close to the circle, where a cover is most
		// likely to fail.
		Arbitrary<Double> fractions = Arbitraries.oneOf(Arbitraries.doubles().between(0, 1.5),
				Arbitraries.doubles().between(0.97, 1.03));
		return Combinators.combine(bearings, fractions).as(Offset::new).list().ofSize(200);
	}

	@Test
	void coverHoldsThePointsNearThePoles() {
		for (double latitude : new double[] { 90, 89.999, 89.5, 88, -88, -89.5, -89.999, -90 }) {
			for (double radiusKm : new double[] { 0.05, 1, 6, 30, 50, 100 }) {
				assertCoversDenseRing(latitude, 17.3, radiusKm);
			}
		}
	}

	@Test
	void coverHoldsThePointsAcrossTheAntimeridian() {
		for (double longitude : new double[] { 180, 179.9999, 179.5, -179.5, -179.9999, -180 }) {
			for (double radiusKm : new double[] { 0.05, 1, 6, 30, 50, 100 }) {
				assertCoversDenseRing(64.1, longitude, radiusKm);
				assertCoversDenseRing(-16.8, longitude, radiusKm);
			}
		}
	}

	@Test
	void coverHoldsThePointsAroundPentagons() {
		for (int resolution : GeoCells.RESOLUTIONS_FINEST_FIRST) {
			for (String pentagon : GeoCells.h3().getPentagonAddresses(resolution)) {
				var centre = GeoCells.h3().cellToLatLng(pentagon);
				for (double radiusKm : new double[] { 0.05, 0.3, 2, 6, 30, 50, 100 }) {
					assertCoversDenseRing(centre.lat, centre.lng, radiusKm);
				}
			}
		}
	}

	@Test
	void haversineMatchesKnownDistances() {
		assertThat(GeoCells.distanceKm(50.4501, 30.5234, 49.9935, 36.2304)).isCloseTo(409, within(1.0));
		assertThat(GeoCells.distanceKm(50.4501, 30.5234, 50.4501, 30.5234)).isZero();
		assertThat(GeoCells.distanceKm(0, 179.5, 0, -179.5)).isCloseTo(111.195, within(0.01));
		assertThat(GeoCells.distanceKm(90, 0, -90, 0)).isCloseTo(Math.PI * GeoCells.EARTH_RADIUS_KM, within(1e-6));
		assertThat(GeoCells.distanceKm(0, 0, 0, 180)).isCloseTo(Math.PI * GeoCells.EARTH_RADIUS_KM, within(1e-6));
		assertThat(GeoCells.distanceKm(49.9935, 36.2304, 50.4501, 30.5234))
			.isEqualTo(GeoCells.distanceKm(50.4501, 30.5234, 49.9935, 36.2304));
	}

	@Test
	void coverStaysWithinTheCellBoundAndUsesTheFinestResolutionThatFits() {
		GeoCells.Cover widest = GeoCells.cover(50.4501, 30.5234, 100);
		assertThat(widest.field()).isEqualTo(StoredLocation.R5);
		assertThat(widest.cells()).hasSizeLessThanOrEqualTo(GeoCells.MAX_COVER_CELLS);
		GeoCells.Cover narrowest = GeoCells.cover(50.4501, 30.5234, 0.05);
		assertThat(narrowest.field()).isEqualTo(StoredLocation.R9);
		assertThat(narrowest.cells()).isNotEmpty().hasSizeLessThanOrEqualTo(GeoCells.MAX_COVER_CELLS);
		assertThat(GeoCells.cover(50.4501, 30.5234, 10).field()).isEqualTo(StoredLocation.R7);
		for (double radiusKm : new double[] { 0.05, 1, 5, 7.5, 10, 40, 50, 60, 100 }) {
			GeoCells.Cover cover = GeoCells.cover(50.4501, 30.5234, radiusKm);
			assertThat(cover.cells())
				.allSatisfy((cell) -> assertThat(GeoCells.h3().getResolution(cell)).isEqualTo(cover.resolution()));
			for (int resolution : GeoCells.RESOLUTIONS_FINEST_FIRST) {
				if (resolution > cover.resolution()) {
					assertThat(GeoCells.cover(50.4501, 30.5234, radiusKm, resolution, GeoCells.MAX_COVER_CELLS))
						.as("a finer resolution than %d for %s km", cover.resolution(), radiusKm)
						.isNull();
				}
			}
		}
	}

	@Test
	void coverTakesTheFinestResolutionWithinAGivenBound() {
		assertThat(GeoCells.cover(50.4501, 30.5234, 0.05, 0).field()).isEqualTo(StoredLocation.R5);
		assertThat(GeoCells.cover(50.4501, 30.5234, 5, 100).field()).isEqualTo(StoredLocation.R7);
		assertThat(GeoCells.cover(50.4501, 30.5234, 5, 2_000).field()).isEqualTo(StoredLocation.R9);
		assertThatIllegalArgumentException().isThrownBy(() -> GeoCells.cover(50.4501, 30.5234, 5, -1));
	}

	@Test
	void coverHoldsTheCellOfTheCentre() {
		GeoCells.Cover cover = GeoCells.cover(46.4825, 30.7233, 0.001);
		assertThat(cover.cells()).containsExactly(GeoCells.cell(46.4825, 30.7233, StoredLocation.FINE_RESOLUTION));
	}

	@ParameterizedTest
	@ValueSource(
			doubles = { 0, -0.0, -1, 100.000001, 1000, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY })
	void coverRejectsARadiusOutOfRange(double radiusKm) {
		assertThatIllegalArgumentException().isThrownBy(() -> GeoCells.cover(50.4501, 30.5234, radiusKm))
			.withMessageContaining("radiusKm");
	}

	@Test
	void coverRejectsACentreOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> GeoCells.cover(90.5, 0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> GeoCells.cover(0, -180.5, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> GeoCells.cover(Double.NaN, 0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> StoredLocation.of(0, Double.NaN));
	}

	@Test
	void storedLocationHoldsThePointAndItsCells() {
		StoredLocation location = StoredLocation.of(50.4501, 30.5234);
		assertThat(location.point().getX()).isEqualTo(30.5234);
		assertThat(location.point().getY()).isEqualTo(50.4501);
		assertThat(location.r5()).isEqualTo(GeoCells.h3().latLngToCellAddress(50.4501, 30.5234, 5));
		assertThat(location.r7()).isEqualTo(GeoCells.h3().latLngToCellAddress(50.4501, 30.5234, 7));
		assertThat(location.r9()).isEqualTo(GeoCells.h3().latLngToCellAddress(50.4501, 30.5234, 9));
		assertThat(List.of(location.cell(5), location.cell(7), location.cell(9))).containsExactly(location.r5(),
				location.r7(), location.r9());
		for (int resolution : GeoCells.RESOLUTIONS_FINEST_FIRST) {
			assertThat(StoredLocation.resolution(StoredLocation.field(resolution))).isEqualTo(resolution);
		}
		assertThat(location.distanceKm(50.4501, 30.5234)).isZero();
	}

	@Property(tries = 100)
	void storedLocationCellsMatchH3(@ForAll @DoubleRange(min = -90, max = 90) double latitude,
			@ForAll @DoubleRange(min = -180, max = 180) double longitude) {
		StoredLocation location = StoredLocation.of(latitude, longitude);
		assertThat(location.point().getX()).isEqualTo(longitude);
		assertThat(location.point().getY()).isEqualTo(latitude);
		for (int resolution : GeoCells.RESOLUTIONS_FINEST_FIRST) {
			assertThat(location.cell(resolution))
				.isEqualTo(GeoCells.h3().latLngToCellAddress(latitude, longitude, resolution));
		}
	}

	@Test
	void cellFieldsAreStable() {
		assertThat(List.of(StoredLocation.POINT, StoredLocation.R5, StoredLocation.R7, StoredLocation.R9))
			.containsExactly("point", "r5", "r7", "r9");
		assertThatIllegalArgumentException().isThrownBy(() -> StoredLocation.field(6));
		assertThatIllegalArgumentException().isThrownBy(() -> StoredLocation.resolution("point"));
	}

	private static void assertNoNeighbourReachesIn(GeoCells.Cover cover, double latitude, double longitude,
			double radiusKm) {
		H3Core h3 = GeoCells.h3();
		Set<String> neighbours = new HashSet<>();
		for (String cell : cover.cells()) {
			for (String neighbour : h3.gridDisk(cell, 1)) {
				if (!cover.cells().contains(neighbour)) {
					neighbours.add(neighbour);
				}
			}
		}
		assertThat(neighbours).isNotEmpty();
		for (String neighbour : neighbours) {
			List<LatLng> boundary = h3.cellToBoundary(neighbour);
			for (int i = 0; i < boundary.size(); i++) {
				LatLng from = boundary.get(i);
				LatLng to = boundary.get((i + 1) % boundary.size());
				for (int step = 0; step < EDGE_PROBES; step++) {
					double[] point = alongGreatCircle(from, to, (double) step / EDGE_PROBES);
					double distanceKm = GeoCells.distanceKm(latitude, longitude, point[0], point[1]);
					assertThat(distanceKm)
						.as("boundary of %s outside the %s cover, radius %s km around (%s, %s)", neighbour,
								cover.field(), radiusKm, latitude, longitude)
						.isGreaterThanOrEqualTo(radiusKm);
				}
			}
		}
	}

	/**
	 * The point a fraction of the way from one point to another along the great circle
	 * through them.
	 */
	private static double[] alongGreatCircle(LatLng from, LatLng to, double fraction) {
		double[] a = unitVector(from);
		double[] b = unitVector(to);
		double x = a[0] + (b[0] - a[0]) * fraction;
		double y = a[1] + (b[1] - a[1]) * fraction;
		double z = a[2] + (b[2] - a[2]) * fraction;
		double norm = Math.sqrt(x * x + y * y + z * z);
		return new double[] { Math.toDegrees(Math.asin(z / norm)), Math.toDegrees(Math.atan2(y, x)) };
	}

	private static double[] unitVector(LatLng point) {
		double phi = Math.toRadians(point.lat);
		double lambda = Math.toRadians(point.lng);
		return new double[] { Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi) };
	}

	private static void assertCoversDenseRing(double latitude, double longitude, double radiusKm) {
		List<Offset> offsets = new ArrayList<>();
		for (int bearing = 0; bearing < 360; bearing += 2) {
			for (double fraction : new double[] { 0, 0.3, 0.6, 0.9, 0.99, 0.999, 1, 1.001 }) {
				offsets.add(new Offset(bearing + 0.37, fraction));
			}
		}
		GeoCells.Cover cover = GeoCells.cover(latitude, longitude, radiusKm);
		assertThat(cover.cells()).hasSizeLessThanOrEqualTo(GeoCells.MAX_COVER_CELLS);
		assertCovers(cover, latitude, longitude, radiusKm, offsets);
		assertNoNeighbourReachesIn(cover, latitude, longitude, radiusKm);
	}

	private static void assertCovers(GeoCells.Cover cover, double latitude, double longitude, double radiusKm,
			List<Offset> offsets) {
		for (Offset offset : offsets) {
			double[] point = destination(latitude, longitude, offset.bearing(), offset.fraction() * radiusKm);
			if (GeoCells.distanceKm(latitude, longitude, point[0], point[1]) <= radiusKm) {
				assertThat(cover.contains(point[0], point[1]))
					.as("(%s, %s) at %s km from (%s, %s), radius %s km, %s", point[0], point[1],
							GeoCells.distanceKm(latitude, longitude, point[0], point[1]), latitude, longitude, radiusKm,
							cover.field())
					.isTrue();
			}
		}
	}

	/**
	 * The point at a distance and initial bearing from a start, on the sphere (direct
	 * problem).
	 */
	private static double[] destination(double latitude, double longitude, double bearing, double distanceKm) {
		double phi1 = Math.toRadians(latitude);
		double lambda1 = Math.toRadians(longitude);
		double theta = Math.toRadians(bearing);
		double delta = distanceKm / GeoCells.EARTH_RADIUS_KM;
		double sinPhi2 = Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta);
		double phi2 = Math.asin(Math.max(-1, Math.min(1, sinPhi2)));
		double lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
				Math.cos(delta) - Math.sin(phi1) * sinPhi2);
		double longitude2 = Math.toDegrees(lambda2);
		longitude2 = ((longitude2 + 540) % 360) - 180;
		return new double[] { Math.toDegrees(phi2), longitude2 };
	}

}
