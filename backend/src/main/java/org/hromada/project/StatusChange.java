package org.hromada.project;

import java.time.Instant;

/**
 * One status change of a project, as stored.
 *
 * @param from status before, null for the first entry
 * @param to status after
 * @param by Keycloak subject of who made the change
 * @param at when
 * @param reason why (free text, may name people)
 */
record StatusChange(ProjectStatus from, ProjectStatus to, String by, Instant at, String reason) {

}
