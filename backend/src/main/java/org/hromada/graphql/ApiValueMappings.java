package org.hromada.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.data.mongodb.core.geo.GeoJsonPoint;
import org.springframework.stereotype.Component;

/** Conversions between stored values and API values shared by all mappers. */
@Component
public class ApiValueMappings {

	/**
	 * Most entries of a status history shown: the latest, oldest first (the activity log
	 * keeps them all). The bound the schema declares, so that no record's list grows
	 * without one.
	 */
	public static final int STATUS_HISTORY_SHOWN = 20;

	/** The latest {@link #STATUS_HISTORY_SHOWN} entries of a history, in their order. */
	public static <T> List<T> latest(List<T> history) {
		return (history.size() <= STATUS_HISTORY_SHOWN) ? history
				: history.subList(history.size() - STATUS_HISTORY_SHOWN, history.size());
	}

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
