package org.hromada.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OWN_ORGANIZATION scope: a partner reaches their own organisation's records only,
 * refusals are audited, and the sensitivity policy shows a record in full to the partners
 * of the organisations it names.
 */
class OrganizationScopeTests {

	private static final Caller RELIEF_PARTNER = new Caller("p1", "partner", null, Set.of(Role.PARTNER), List.of(),
			"sample-relief");

	private static final Caller PARTNER_WITHOUT_ORGANIZATION = new Caller("p2", "partner2", null, Set.of(Role.PARTNER),
			List.of(), null);

	private final List<Object> events = new ArrayList<>();

	private Access access(Caller caller, AccessScope scope) {
		return new Access(caller, scope, "Mutation.recordFunding", new AccessAudit(this.events::add));
	}

	@Test
	void ownOrganizationAdmitsTheCallersOrganisationAndRefusesAndAuditsAnyOther() {
		assertThatNoException().isThrownBy(() -> access(RELIEF_PARTNER, AccessScope.OWN_ORGANIZATION)
			.requireOrganization("sample-relief", "UA3214007"));
		assertThat(this.events).isEmpty();
		assertThatThrownBy(
				() -> access(RELIEF_PARTNER, AccessScope.OWN_ORGANIZATION).requireOrganization("other", "UA3214007"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> access(PARTNER_WITHOUT_ORGANIZATION, AccessScope.OWN_ORGANIZATION)
			.requireOrganization("sample-relief", "UA3214007")).isInstanceOf(AccessDeniedException.class);
		assertThat(this.events).hasSize(2)
			.allSatisfy(event -> assertThat(event).isInstanceOfSatisfying(AccessAudit.AccessDenied.class,
					denied -> assertThat(denied.operation()).isEqualTo("Mutation.recordFunding")));
	}

	@Test
	void otherScopesDoNotLimitByOrganisation() {
		assertThatNoException()
			.isThrownBy(() -> access(RELIEF_PARTNER, AccessScope.ANY).requireOrganization("other", "UA3214007"));
		assertThat(access(RELIEF_PARTNER, AccessScope.ANY).organizationCriteria("organizationKeys")).isNull();
	}

	@Test
	void organizationCriteriaKeepsAQueryToTheCallersOrganisation() {
		assertThat(access(RELIEF_PARTNER, AccessScope.OWN_ORGANIZATION).organizationCriteria("organizationKeys")
			.getCriteriaObject()
			.toJson()).contains("\"organizationKeys\"", "sample-relief");
		assertThat(access(PARTNER_WITHOUT_ORGANIZATION, AccessScope.OWN_ORGANIZATION)
			.organizationCriteria("organizationKeys")
			.getCriteriaObject()
			.toJson()).contains("$in", "[]");
	}

	@Test
	void partnersOfAnOrganisationTheRecordNamesSeeItInFull() {
		Guarded record = new Guarded() {

			@Override
			public String entityType() {
				return "Project";
			}

			@Override
			public String id() {
				return "p";
			}

			@Override
			public String communityPcode() {
				return "UA3214007";
			}

			@Override
			public Set<String> entitledOrganizations() {
				return Set.of("sample-relief");
			}

		};
		Caller otherPartner = new Caller("p3", "partner3", null, Set.of(Role.PARTNER), List.of(), "other");
		for (Sensitivity sensitivity : Sensitivity.values()) {
			assertThat(SensitivityPolicy.canSee(RELIEF_PARTNER, record, sensitivity)).isTrue();
			assertThat(SensitivityPolicy.canSee(otherPartner, record, sensitivity)).isFalse();
			assertThat(SensitivityPolicy.canSee(PARTNER_WITHOUT_ORGANIZATION, record, sensitivity)).isFalse();
		}
		Caller volunteerWithClaim = new Caller("v", "v", null, Set.of(Role.VOLUNTEER), List.of(), "sample-relief");
		assertThat(SensitivityPolicy.canSee(volunteerWithClaim, record, Sensitivity.CONFIDENTIAL)).isFalse();
	}

}
