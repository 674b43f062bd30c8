package org.hromada.aid;

import java.util.Map;

import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hromada.aid.AidRequestFixtures.IRPIN;
import static org.hromada.aid.AidRequestFixtures.need;

/**
 * The seeded phone numbers and names never reach a log line or an error message, whatever
 * the path: logging, reading as entitled and unentitled callers, refused access, invalid
 * input, conflicts.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLeakTests extends IntegrationTest {

	private static final String PHONE = "+380 93 765 43 21";

	private static final String NAME = "Taras Bondarenko-Leak";

	@Test
	void personalDataNeverAppearsInLogsOrErrors(CapturedOutput output) {
		Map<String, Object> input = need(IRPIN);
		input.put("contact", Map.of("name", NAME, "phone", PHONE));
		input.put("description", "Call " + NAME + " at " + PHONE);
		String id = as(TestUser.VOLUNTEER_IRPIN).documentName("logAidRequest")
			.variable("input", input)
			.execute()
			.path("logAidRequest.aidRequest.id")
			.entity(String.class)
			.get();

		as(TestUser.PARTNER_RELIEF).documentName("aidRequest").variable("id", id).execute();
		as(TestUser.COORDINATOR_KYIV).documentName("aidRequest").variable("id", id).execute();
		as(TestUser.COORDINATOR_KHARKIV).documentName("aidRequest")
			.variable("id", id)
			.execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("FORBIDDEN") && !error.getMessage().contains(PHONE)
					&& !error.getMessage().contains(NAME))
			.verify()
			.path("aidRequest")
			.valueIsNull();

		Map<String, Object> invalid = need(IRPIN);
		invalid.put("contact", Map.of("name", NAME, "phone", PHONE + " ext. 5 please"));
		String invalidErrors = as(TestUser.VOLUNTEER_IRPIN).documentName("logAidRequest")
			.variable("input", invalid)
			.execute()
			.path("logAidRequest.userErrors[*].message")
			.entityList(String.class)
			.get()
			.toString();

		Map<String, Object> reused = new java.util.HashMap<>(input);
		reused.put("title", "Changed " + NAME);
		String reuseErrors = as(TestUser.VOLUNTEER_IRPIN).documentName("logAidRequest")
			.variable("input", reused)
			.execute()
			.path("logAidRequest.userErrors[*].message")
			.entityList(String.class)
			.get()
			.toString();

		assertThat(invalidErrors).contains("phone").doesNotContain(PHONE, NAME);
		assertThat(reuseErrors).contains("clientRequestId").doesNotContain(PHONE, NAME);
		assertThat(output.getAll()).doesNotContain(PHONE, NAME, "765 43 21");
	}

}
