package org.hromada.project;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * How damaged an asset was found, as stored.
 *
 * @param scheme assessment scheme, for example UNOSAT
 * @param grade damage grade
 * @param assessedAt when
 * @param assessedBy who (a person or team; may name people)
 */
record DamageAssessment(@NotBlank @Size(max = 50) String scheme, @NotNull DamageGrade grade,
		@NotNull Instant assessedAt, @Size(max = 200) String assessedBy) {

}
