package org.hromada.claim;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hromada.graphql.PlainText;

/** The inputs of the claim operations, as the schema declares them. */
final class ClaimInputs {

	private ClaimInputs() {
	}

	record ClaimAidRequestInput(@NotBlank String aidRequestId, String organizationKey,
			@NotBlank @Size(max = 500) @PlainText(multiline = true) String provides,
			@NotNull OffsetDateTime deliverBy) {

	}

	record ReleaseClaimInput(@NotBlank String id,
			@NotBlank @Size(max = 500) @PlainText(multiline = true) String reason) {

	}

	record ReportClaimProgressInput(@NotBlank String id,
			@NotBlank @Size(max = 1000) @PlainText(multiline = true) String note) {

	}

	record ConfirmClaimInput(@NotBlank String id, @Size(max = 500) @PlainText(multiline = true) String note) {

	}

	record RejectClaimInput(@NotBlank String id,
			@NotBlank @Size(max = 500) @PlainText(multiline = true) String reason) {

	}

	record TransferClaimInput(@NotBlank String id, @NotBlank String organizationKey,
			@NotBlank @Size(max = 500) @PlainText(multiline = true) String reason) {

	}

	record ClaimFilter(String aidRequestId, List<String> communities, String organizationKey,
			List<ClaimStatus> statuses) {

		static final ClaimFilter NONE = new ClaimFilter(null, null, null, null);

	}

}
