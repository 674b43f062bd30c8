package org.hromada.graphql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Checks an object against its Bean Validation constraints and reports each violation as
 * a {@link UserError} whose path names the offending field, so a client can point at it.
 */
@Component
public class InputValidation {

	private final Validator validator;

	InputValidation(Validator validator) {
		this.validator = validator;
	}

	/** Violations with paths like [prefix..., "name", "uk"]. */
	public List<UserError> check(Object value, String... prefix) {
		return check(value, property -> property.isEmpty() ? List.of() : List.of(property.split("\\.")), prefix);
	}

	/**
	 * Violations whose property path is first renamed by {@code naming} (for example to a
	 * CSV column), then put under the prefix.
	 */
	public List<UserError> check(Object value, Function<String, List<String>> naming, String... prefix) {
		List<UserError> errors = new ArrayList<>();
		for (ConstraintViolation<Object> violation : this.validator.validate(value)) {
			String property = propertyPath(violation.getPropertyPath());
			errors.add(new UserError(naming.apply(property), UserErrorCode.INVALID,
					describe(property, violation.getMessage()))
				.under(prefix));
		}
		errors
			.sort(Comparator.comparing((UserError e) -> String.join(".", e.path())).thenComparing(UserError::message));
		return errors;
	}

	/** Throws the violations, if any, as a {@link UserErrorException}. */
	public void require(Object value, String... prefix) {
		List<UserError> errors = check(value, prefix);
		if (!errors.isEmpty()) {
			throw new UserErrorException(errors);
		}
	}

	private static String propertyPath(Path path) {
		List<String> names = new ArrayList<>();
		for (Path.Node node : path) {
			if (node.getName() != null) {
				names.add(node.getName());
			}
		}
		return String.join(".", names);
	}

	private static String describe(String property, String message) {
		return property.isEmpty() ? message : property + ": " + message;
	}

}
