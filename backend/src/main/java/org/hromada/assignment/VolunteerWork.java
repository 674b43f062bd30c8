package org.hromada.assignment;

/**
 * Volunteer work in an {@link org.hromada.aid.FigureScope}, as computed by the store.
 *
 * @param activeVolunteers distinct volunteers who accepted, are doing or completed an
 * assignment
 * @param completedAssignments assignments completed
 * @param hoursWorked hours logged on completed assignments
 */
public record VolunteerWork(long activeVolunteers, long completedAssignments, double hoursWorked) {

}
