package org.hromada.aid;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Contact details of the person who asked for help: personal data, CONFIDENTIAL. */
public record Contact(
		@Size(max = 200) @Pattern(regexp = AidRequestFields.PLAIN_LINE,
				message = AidRequestFields.PLAIN_MESSAGE) String name,
		@Pattern(regexp = "\\+?[0-9 ()\\-]{5,25}",
				message = "must be 5 to 25 digits, spaces, parentheses or hyphens, with an optional leading +") String phone) {

}
