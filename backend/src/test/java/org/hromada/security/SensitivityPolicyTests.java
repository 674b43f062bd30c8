package org.hromada.security;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees which sensitivity of a record, in particular PERSONAL profile details and
 * records that belong to several communities.
 */
class SensitivityPolicyTests {

	/** A volunteer profile of two communities. */
	private static final Guarded PROFILE = new Guarded() {

		@Override
		public String entityType() {
			return "Volunteer";
		}

		@Override
		public String id() {
			return "volunteer-1";
		}

		@Override
		public String communityPcode() {
			return "UA0000001";
		}

		@Override
		public Set<String> communityPcodes() {
			return Set.of("UA0000001", "UA0000002");
		}

		@Override
		public Set<String> personallyEntitled() {
			return Set.of("volunteer-1");
		}

	};

	@Test
	void personalDetailsAreForThePersonTheirCoordinatorsInAnyOfTheirCommunitiesAndAdmins() {
		assertThat(SensitivityPolicy.canSee(caller("volunteer-1", Role.VOLUNTEER, "UA0000001"), PROFILE,
				Sensitivity.PERSONAL))
			.isTrue();
		assertThat(SensitivityPolicy.canSee(caller("c", Role.COORDINATOR, "UA0000002"), PROFILE, Sensitivity.PERSONAL))
			.isTrue();
		assertThat(SensitivityPolicy.canSee(caller("a", Role.ADMIN), PROFILE, Sensitivity.PERSONAL)).isTrue();
		assertThat(SensitivityPolicy.canSee(caller("v", Role.VOLUNTEER, "UA0000001"), PROFILE, Sensitivity.PERSONAL))
			.as("another volunteer of the community")
			.isFalse();
		assertThat(SensitivityPolicy.canSee(caller("c", Role.COORDINATOR, "UA0000003"), PROFILE, Sensitivity.PERSONAL))
			.as("a coordinator of another community")
			.isFalse();
		assertThat(SensitivityPolicy.canSee(caller("p", Role.PARTNER), PROFILE, Sensitivity.PERSONAL)).isFalse();
	}

	@Test
	void aRecordOfSeveralCommunitiesIsRestrictedToPeopleOfAnyOfThem() {
		assertThat(SensitivityPolicy.canSee(caller("v", Role.VOLUNTEER, "UA0000002"), PROFILE, Sensitivity.RESTRICTED))
			.isTrue();
		assertThat(
				SensitivityPolicy.canSee(caller("c", Role.COORDINATOR, "UA0000002"), PROFILE, Sensitivity.CONFIDENTIAL))
			.isTrue();
		assertThat(
				SensitivityPolicy.canSee(caller("v", Role.VOLUNTEER, "UA0000002"), PROFILE, Sensitivity.CONFIDENTIAL))
			.isFalse();
	}

	private static Caller caller(String id, Role role, String... communities) {
		return new Caller(id, id, null, Set.of(role), List.of(communities), null);
	}

}
