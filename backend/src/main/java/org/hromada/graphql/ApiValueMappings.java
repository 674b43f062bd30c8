package org.hromada.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.data.mongodb.core.geo.GeoJsonPoint;
import org.springframework.stereotype.Component;

/** Conversions between stored values and API values shared by all mappers. */
@Component
public class ApiValueMappings {

	/** Times are stored as instants and shown in UTC. */
	public OffsetDateTime toApi(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	public GeoPoint toApi(GeoJsonPoint point) {
		return (point != null) ? new GeoPoint(point.getY(), point.getX()) : null;
	}

	/** GeoJSON orders coordinates longitude first. */
	public GeoJsonPoint toStored(GeoPoint point) {
		return (point != null && point.latitude() != null && point.longitude() != null)
				? new GeoJsonPoint(point.longitude(), point.latitude()) : null;
	}

}
