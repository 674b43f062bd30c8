package org.hromada.assignment;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One volunteer's active bookings, in one document so that the checks over all of them
 * (no overlap, at most the maximum, within the weekly hours) and the new booking commit
 * in one version-checked write: of two concurrent bookings read at the same version only
 * one can be written.
 */
@Document(ScheduleDocument.COLLECTION)
class ScheduleDocument {

	static final String COLLECTION = "volunteer_schedules";

	@Id
	private String id;

	@Version
	private Long version;

	private List<Booking> bookings = new ArrayList<>();

	String getId() {
		return this.id;
	}

	void setId(String id) {
		this.id = id;
	}

	Long getVersion() {
		return this.version;
	}

	void setVersion(Long version) {
		this.version = version;
	}

	List<Booking> getBookings() {
		return this.bookings;
	}

	void setBookings(List<Booking> bookings) {
		this.bookings = bookings;
	}

}
