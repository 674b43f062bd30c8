package org.hromada.graphql;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * A WGS 84 point as the API shows it. Stored as a GeoJSON point ([longitude, latitude]).
 *
 * @param latitude degrees, -90 to 90
 * @param longitude degrees, -180 to 180
 */
public record GeoPoint(
		@NotNull @DecimalMin(value = "-90", message = "must be between -90 and 90") @DecimalMax(value = "90",
				message = "must be between -90 and 90") Double latitude,
		@NotNull @DecimalMin(value = "-180", message = "must be between -180 and 180") @DecimalMax(value = "180",
				message = "must be between -180 and 180") Double longitude) {

}
