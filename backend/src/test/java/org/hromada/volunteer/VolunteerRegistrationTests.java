package org.hromada.volunteer;

import java.util.List;
import java.util.Map;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration paths that never reach Keycloak: scope and input are checked first, and a
 * setup link that is not valid shows nothing. The account creation itself is tested
 * against the real Keycloak (KeycloakEndToEndTests).
 */
@ExtendWith(OutputCaptureExtension.class)
class VolunteerRegistrationTests extends IntegrationTest {

	private static final String REGISTER = "mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) "
			+ "{ volunteer { id } setupLink userErrors { path code } } }";

	@Test
	void aCoordinatorCannotRegisterForACommunityTheyDoNotServe() {
		as(TestUser.COORDINATOR_KYIV).document(REGISTER)
			.variable("input",
					Map.of("email", "someone@example.org", "firstName", "Ivan", "lastName", "Franko", "communityPcodes",
							List.of("UA3214007", "UA6312015")))
			.execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("FORBIDDEN"))
			.verify();
	}

	@Test
	void badInputIsRefusedWithTypedErrorsBeforeAnyAccountIsCreated() {
		as(TestUser.COORDINATOR_KYIV).document(REGISTER)
			.variable("input",
					Map.of("email", "not-an-email", "firstName", " ", "lastName", "Franko", "communityPcodes",
							List.of("UA3214007"), "phone", "call me"))
			.execute()
			.path("registerVolunteer.volunteer")
			.valueIsNull()
			.path("registerVolunteer.setupLink")
			.valueIsNull()
			.path("registerVolunteer.userErrors[*].path[1]")
			.entityList(String.class)
			.hasSize(3)
			.contains("email", "firstName", "phone");
		as(TestUser.ADMIN).document(REGISTER)
			.variable("input",
					Map.of("email", "someone@example.org", "firstName", "Ivan", "lastName", "Franko", "communityPcodes",
							List.of("UA0000001")))
			.execute()
			.path("registerVolunteer.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
	}

	/**
	 * The tests' stand-in realm has no admin API: like a Keycloak that is away, it makes
	 * the account creation fail. The email is then free again, and never in the logs.
	 */
	@Test
	void aFailedAccountCreationLeavesTheEmailFreeAndOutOfTheLogs(CapturedOutput output) {
		Map<String, Object> input = Map.of("email", "Halyna.Leaking@Example.org", "firstName", "Halyna", "lastName",
				"Leaking", "communityPcodes", List.of("UA3214007"));
		for (int attempt = 0; attempt < 2; attempt++) {
			as(TestUser.COORDINATOR_KYIV).document(REGISTER)
				.variable("input", input)
				.execute()
				.errors()
				.expect(error -> error.getErrorType().toString().equals("INTERNAL_ERROR"))
				.verify();
		}
		assertThat(output.getAll()).doesNotContainIgnoringCase("halyna.leaking");
	}

	@Test
	void anInvalidSetupLinkShowsNoFormAndSetsNoPassword() {
		WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		client.get()
			.uri("/account-setup?token=" + "A".repeat(43))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.GONE)
			.expectHeader()
			.valueEquals("Cache-Control", "no-store");
		client.get().uri("/account-setup?token=<script>").exchange().expectStatus().isEqualTo(HttpStatus.GONE);
		client.post()
			.uri("/account-setup")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("token=" + "B".repeat(43) + "&password=long-enough-password&confirmation=long-enough-password")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.GONE);
	}

}
