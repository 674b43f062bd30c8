package org.hromada.aid;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of aid requests (hromada.aid.*) other than the priority weights.
 *
 * @param duplicateRadiusKm open requests of the same community and sector within this
 * distance are possible duplicates
 * @param duplicateWindow ... and logged within this time before
 * @param maxBatchSize most needs one logAidRequests call takes
 */
@ConfigurationProperties("hromada.aid")
record AidSettings(double duplicateRadiusKm, Duration duplicateWindow, int maxBatchSize) {

}
