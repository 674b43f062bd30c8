package org.hromada.graphql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Free text without control or invisible formatting characters (Unicode categories Cc and
 * Cf), which could spoof what others see; with {@link #multiline()}, line breaks and tabs
 * are allowed. Null is valid. Checked by {@link PlainTextValidator} in one pass over the
 * code points, never a regular expression: an alternation under {@code *} recurses once
 * per character in java.util.regex and overflowed the stack on a 2,000-character
 * description.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	/**
	 * Whether line feeds, carriage returns and tabs are allowed (descriptions, notes).
	 */
	boolean multiline() default false;

	String message() default "must not contain control or invisible formatting characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
