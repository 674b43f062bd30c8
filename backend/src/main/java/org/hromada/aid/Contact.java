package org.hromada.aid;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hromada.graphql.PlainText;

/** Contact details of the person who asked for help: personal data, CONFIDENTIAL. */
public record Contact(@Size(max = 200) @PlainText String name, @Pattern(regexp = "\\+?[0-9 ()\\-]{5,25}",
		message = "must be 5 to 25 digits, spaces, parentheses or hyphens, with an optional leading +") String phone) {

}
