package org.hromada.support;

import java.util.List;

/**
 * The callers of the integration tests: the demo users of the realm file, with the same
 * roles, communities and organisation, so tests read like the access table.
 */
public enum TestUser {

	ADMIN("admin", "admin", List.of(), null),

	COORDINATOR_KYIV("coordinator.kyiv", "coordinator", List.of("UA3214007", "UA3214003"), null),

	COORDINATOR_KHARKIV("coordinator.kharkiv", "coordinator", List.of("UA6312015", "UA6312001"), null),

	VOLUNTEER_IRPIN("volunteer.irpin", "volunteer", List.of("UA3214007"), null),

	VOLUNTEER_KHARKIV("volunteer.kharkiv", "volunteer", List.of("UA6312015"), null),

	PARTNER_RELIEF("partner.relief", "partner", List.of(), "sample-relief");

	private final String username;

	private final String realmRole;

	private final List<String> communities;

	private final String organization;

	TestUser(String username, String realmRole, List<String> communities, String organization) {
		this.username = username;
		this.realmRole = realmRole;
		this.communities = communities;
		this.organization = organization;
	}

	/** A stable Keycloak-like subject per user. */
	public String subject() {
		return "test-" + this.username.replace('.', '-');
	}

	public String username() {
		return this.username;
	}

	public String realmRole() {
		return this.realmRole;
	}

	public List<String> communities() {
		return this.communities;
	}

	public String organization() {
		return this.organization;
	}

}
