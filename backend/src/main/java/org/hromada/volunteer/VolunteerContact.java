package org.hromada.volunteer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How to reach a volunteer (personal data, CONFIDENTIAL).
 *
 * @param phone phone number as given
 * @param email email address
 */
public record VolunteerContact(@Pattern(regexp = "\\+?[0-9 ()\\-]{5,25}",
		message = "must be 5 to 25 digits, spaces, parentheses or hyphens, with an optional leading +") String phone,
		@Email @Size(max = 200) String email) {

}
