package org.hromada.aid;

import java.math.BigDecimal;
import java.time.Instant;

import org.hromada.aid.AidRequestInputs.LogAidRequestInput;
import org.hromada.graphql.GeoPoint;

/**
 * The canonical text of a submission's content, from which its retry fingerprint is
 * computed: a retry queued offline must give the same text in every later release, so the
 * text is defined here field by field, never by a {@code toString()}.
 * <p>
 * Version 1: {@code v1}, then for each field in this order {@code |name=value}:
 * communityPcode, sector, title, description, quantity, unit, peopleAffected.total,
 * .girls, .boys, .women, .men, .olderWomen, .olderMen, .withDisability, urgency,
 * location.latitude, .longitude, contact.name, .phone, neededBy. A text is in double
 * quotes with {@code \} and {@code "} escaped by a backslash; a number is its exact
 * decimal value without trailing zeros ({@code 5}, {@code 0.5}); an enum is its name; a
 * time is its UTC instant in ISO-8601 ({@code 2024-05-01T08:00:00Z}); an absent value is
 * {@code null}, and an absent group ({@code location}, {@code contact}) is one
 * {@code name=null}. The clientRequestId is not content: it is the key the content is
 * compared under.
 * <p>
 * Adding a field to the inputs leaves this text as it is. Changing what it holds needs a
 * new version, and the old one kept in {@link #previous} so that retries queued before
 * the release are still recognised.
 */
final class SubmissionForm {

	/** The prefix of the current version. */
	static final String VERSION = "v1";

	private final StringBuilder text = new StringBuilder(VERSION);

	private SubmissionForm() {
	}

	/** The current canonical text of the submission's content. */
	static String canonical(LogAidRequestInput input) {
		SubmissionForm form = new SubmissionForm();
		form.text("communityPcode", input.communityPcode());
		form.name("sector", input.sector());
		form.text("title", input.title());
		form.text("description", input.description());
		form.number("quantity", input.quantity());
		form.text("unit", input.unit());
		PeopleAffected people = input.peopleAffected();
		if (people == null) {
			form.absent("peopleAffected");
		}
		else {
			form.number("peopleAffected.total", people.total());
			form.number("peopleAffected.girls", people.girls());
			form.number("peopleAffected.boys", people.boys());
			form.number("peopleAffected.women", people.women());
			form.number("peopleAffected.men", people.men());
			form.number("peopleAffected.olderWomen", people.olderWomen());
			form.number("peopleAffected.olderMen", people.olderMen());
			form.number("peopleAffected.withDisability", people.withDisability());
		}
		form.name("urgency", input.urgency());
		GeoPoint location = input.location();
		if (location == null) {
			form.absent("location");
		}
		else {
			form.number("location.latitude", location.latitude());
			form.number("location.longitude", location.longitude());
		}
		Contact contact = input.contact();
		if (contact == null) {
			form.absent("contact");
		}
		else {
			form.text("contact.name", contact.name());
			form.text("contact.phone", contact.phone());
		}
		Instant neededBy = (input.neededBy() != null) ? input.neededBy().toInstant() : null;
		form.value("neededBy", (neededBy != null) ? neededBy.toString() : null);
		return form.text.toString();
	}

	/**
	 * The text of the form before versions, as fingerprints stored until this release
	 * were computed: the P-code, the sector and the content record's {@code toString()}
	 * at that time, written out here so that it never changes again. Recognises retries
	 * queued before the release; drop it once no such retry can be pending.
	 */
	static String previous(LogAidRequestInput input) {
		PeopleAffected people = input.peopleAffected();
		GeoPoint location = input.location();
		Contact contact = input.contact();
		return input.communityPcode() + "|" + input.sector() + "|AidRequestFields[title=" + input.title()
				+ ", description=" + input.description() + ", quantity=" + input.quantity() + ", unit=" + input.unit()
				+ ", peopleAffected="
				+ ((people == null) ? "null"
						: "PeopleAffected[total=" + people.total() + ", girls=" + people.girls() + ", boys="
								+ people.boys() + ", women=" + people.women() + ", men=" + people.men()
								+ ", olderWomen=" + people.olderWomen() + ", olderMen=" + people.olderMen()
								+ ", withDisability=" + people.withDisability() + "]")
				+ ", urgency=" + input.urgency() + ", location="
				+ ((location == null) ? "null"
						: "GeoPoint[latitude=" + location.latitude() + ", longitude=" + location.longitude() + "]")
				+ ", contact="
				+ ((contact == null) ? "null" : "Contact[name=" + contact.name() + ", phone=" + contact.phone() + "]")
				+ ", neededBy=" + ((input.neededBy() != null) ? input.neededBy().toInstant() : null) + "]";
	}

	private void text(String field, String value) {
		value(field, (value != null) ? quoted(value) : null);
	}

	private void name(String field, Enum<?> value) {
		value(field, (value != null) ? value.name() : null);
	}

	private void number(String field, Number value) {
		value(field, (value != null) ? decimal(value) : null);
	}

	private void absent(String group) {
		value(group, null);
	}

	private void value(String field, String value) {
		this.text.append('|').append(field).append('=').append((value != null) ? value : "null");
	}

	private static String quoted(String value) {
		StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				quoted.append('\\');
			}
			quoted.append(c);
		}
		return quoted.append('"').toString();
	}

	/**
	 * The exact decimal value, the same in every Java release (Double.toString changed in
	 * Java 19).
	 */
	private static String decimal(Number value) {
		if (value instanceof Double d) {
			if (d.isNaN() || d.isInfinite()) {
				return d.toString();
			}
			return (d == 0) ? "0" : new BigDecimal(d).stripTrailingZeros().toPlainString();
		}
		return value.toString();
	}

}
