package org.hromada.aid;

import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import org.hromada.aid.AidRequestInputs.LogAidRequestInput;
import org.hromada.graphql.GeoPoint;
import org.hromada.security.KeyedHash;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical text behind retry fingerprints is pinned: a retry queued offline before a
 * release must be recognised after it, so any change to this text must be deliberate (a
 * new version, the old one kept for queued retries).
 */
class SubmissionFormTests {

	private static final String PINNED = "v1|communityPcode=\"UA3214007\"|sector=WASH"
			+ "|title=\"Water \\\"for\\\" a shelter | \\\\ 2\"|description=\"Since Monday\nno water\"|quantity=500"
			+ "|unit=\"litres\"|peopleAffected.total=40|peopleAffected.girls=5|peopleAffected.boys=6"
			+ "|peopleAffected.women=null|peopleAffected.men=null|peopleAffected.olderWomen=4"
			+ "|peopleAffected.olderMen=null|peopleAffected.withDisability=2|urgency=URGENT"
			+ "|location.latitude=50.5|location.longitude=30.25|contact.name=\"Olena\""
			+ "|contact.phone=\"+380 67 123 45 67\"|neededBy=2024-05-01T08:00:00Z";

	@Test
	void theCanonicalTextOfAKnownSubmissionIsPinned() {
		assertThat(SubmissionForm.canonical(known("first-key"))).isEqualTo(PINNED);
	}

	@Test
	void theFingerprintOfAKnownSubmissionIsPinned() {
		Fingerprints fingerprints = new Fingerprints("a-test-key-of-sixteen-or-more");
		assertThat(fingerprints.submission(SubmissionForm.canonical(known("first-key"))))
			.isEqualTo(new KeyedHash("a-test-key-of-sixteen-or-more", "test").of("submission:" + PINNED));
		assertThat(fingerprints.submission(SubmissionForm.canonical(known("first-key"))))
			.isEqualTo("62d960e3218f53c11cd2011f7df3651dc90d8258948854b245025dd33b267aef");
	}

	@Test
	void fieldsOutsideTheContentDoNotChangeTheText() {
		assertThat(SubmissionForm.canonical(known("another-key"))).isEqualTo(PINNED);
	}

	@Test
	void absentValuesAndGroupsAreWrittenAsNull() {
		LogAidRequestInput bare = new LogAidRequestInput("k", "UA3214007", null, "Water", null, null, null, null,
				Urgency.SOON, null, null, null);
		assertThat(SubmissionForm.canonical(bare)).isEqualTo("v1|communityPcode=\"UA3214007\"|sector=null"
				+ "|title=\"Water\"|description=null|quantity=null|unit=null|peopleAffected=null|urgency=SOON"
				+ "|location=null|contact=null|neededBy=null");
	}

	@Test
	void aQuoteOrSeparatorInATextCannotImitateAnotherField() {
		LogAidRequestInput split = new LogAidRequestInput("k", "UA3214007", Sector.WASH, "a\"|unit=\"b", null, null,
				null, null, Urgency.SOON, null, null, null);
		LogAidRequestInput apart = new LogAidRequestInput("k", "UA3214007", Sector.WASH, "a", null, null, "b", null,
				Urgency.SOON, null, null, null);
		assertThat(SubmissionForm.canonical(split)).isNotEqualTo(SubmissionForm.canonical(apart));
	}

	@Test
	void numbersAreExactDecimalsWithoutTrailingZeros() {
		assertThat(SubmissionForm.canonical(withQuantity(5.0))).contains("|quantity=5|");
		assertThat(SubmissionForm.canonical(withQuantity(0.1)))
			.contains("|quantity=0.1000000000000000055511151231257827021181583404541015625|");
		assertThat(SubmissionForm.canonical(withQuantity(2e-3)))
			.contains("|quantity=0.00200000000000000004163336342344337026588618755340576171875|");
	}

	/**
	 * The form before versions is frozen as the records printed themselves when it was
	 * replaced, so retries queued then are still recognised after the records change.
	 */
	@Test
	void theFormBeforeVersionsIsFrozen() {
		assertThat(SubmissionForm.previous(known("first-key"))).isEqualTo("UA3214007|WASH|AidRequestFields["
				+ "title=Water \"for\" a shelter | \\ 2, description=Since Monday\nno water, quantity=500.0, "
				+ "unit=litres, peopleAffected=PeopleAffected[total=40, girls=5, boys=6, women=null, men=null, "
				+ "olderWomen=4, olderMen=null, withDisability=2], urgency=URGENT, "
				+ "location=GeoPoint[latitude=50.5, longitude=30.25], "
				+ "contact=Contact[name=Olena, phone=+380 67 123 45 67], neededBy=2024-05-01T08:00:00Z]");
		assertThat(SubmissionForm.previous(bare())).isEqualTo("UA3214007|null|AidRequestFields[title=Water, "
				+ "description=null, quantity=null, unit=null, peopleAffected=null, urgency=SOON, location=null, "
				+ "contact=null, neededBy=null]");
	}

	/**
	 * Every component of the submission's records is either in the text or knowingly left
	 * out, so a new field cannot slip in or out of the fingerprint unnoticed.
	 */
	@Test
	void everyInputFieldIsInTheTextOrKnowinglyLeftOut() {
		Set<String> written = new LinkedHashSet<>();
		Matcher names = java.util.regex.Pattern.compile("\\|([A-Za-z.]+)=").matcher(PINNED);
		while (names.find()) {
			written.add(names.group(1));
		}
		List<String> components = new ArrayList<>();
		collect(LogAidRequestInput.class, "", components);
		components.remove("clientRequestId");
		assertThat(components).containsExactlyElementsOf(written);
	}

	/**
	 * Record components in declaration order, nested records of the application
	 * flattened.
	 */
	private static void collect(Class<?> type, String prefix, List<String> into) {
		for (RecordComponent component : type.getRecordComponents()) {
			Class<?> componentType = component.getType();
			if (componentType.isRecord() && componentType.getPackageName().startsWith("org.hromada")) {
				collect(componentType, prefix + component.getName() + ".", into);
			}
			else {
				into.add(prefix + component.getName());
			}
		}
	}

	private static LogAidRequestInput known(String clientRequestId) {
		return new LogAidRequestInput(clientRequestId, "UA3214007", Sector.WASH, "Water \"for\" a shelter | \\ 2",
				"Since Monday\nno water", 500.0, "litres", new PeopleAffected(40, 5, 6, null, null, 4, null, 2),
				Urgency.URGENT, new GeoPoint(50.5, 30.25), new Contact("Olena", "+380 67 123 45 67"),
				OffsetDateTime.parse("2024-05-01T10:00:00+02:00"));
	}

	private static LogAidRequestInput bare() {
		return new LogAidRequestInput("k", "UA3214007", null, "Water", null, null, null, null, Urgency.SOON, null, null,
				null);
	}

	private static LogAidRequestInput withQuantity(double quantity) {
		return new LogAidRequestInput("k", "UA3214007", Sector.WASH, "Water", null, quantity, "litres", null,
				Urgency.SOON, null, null, null);
	}

}
