package org.hromada.assignment;

/**
 * Points at the task of an assignment.
 *
 * @param kind which feature owns the task
 * @param id id of the aid request, or of the milestone (milestone ids are unique across
 * projects)
 */
public record TaskRef(TaskKind kind, String id) {

}
