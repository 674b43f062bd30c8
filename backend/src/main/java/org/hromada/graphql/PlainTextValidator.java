package org.hromada.graphql;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link PlainText}: a loop over the code points, linear in the length and with
 * constant stack, whatever the input.
 */
public final class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

	private boolean multiline;

	@Override
	public void initialize(PlainText annotation) {
		this.multiline = annotation.multiline();
	}

	@Override
	public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
		return value == null || isPlain(value, this.multiline);
	}

	private static boolean isPlain(CharSequence text, boolean multiline) {
		for (int i = 0; i < text.length();) {
			int codePoint = Character.codePointAt(text, i);
			if (!allowed(codePoint, multiline)) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

	private static boolean allowed(int codePoint, boolean multiline) {
		int type = Character.getType(codePoint);
		if (type == Character.FORMAT) {
			return false;
		}
		if (type == Character.CONTROL) {
			return multiline && (codePoint == '\n' || codePoint == '\r' || codePoint == '\t');
		}
		return true;
	}

}
