package org.hromada.aid;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hromada.graphql.GeoPoint;

import org.springframework.graphql.data.ArgumentValue;

import static org.hromada.graphql.ArgumentValues.changedOr;

/** The inputs of the aid request operations, as the schema declares them. */
final class AidRequestInputs {

	private AidRequestInputs() {
	}

	record LogAidRequestInput(@NotBlank @Size(max = 100) String clientRequestId, @NotBlank String communityPcode,
			Sector sector, String title, String description, Double quantity, String unit,
			PeopleAffected peopleAffected, Urgency urgency, GeoPoint location, Contact contact,
			OffsetDateTime neededBy) {

		AidRequestFields fields() {
			return new AidRequestFields(this.title, this.description, this.quantity, this.unit, this.peopleAffected,
					this.urgency, this.location, this.contact,
					(this.neededBy != null) ? this.neededBy.toInstant() : null);
		}

	}

	record LogAidRequestsInput(List<LogAidRequestInput> items) {

	}

	/**
	 * An omitted field keeps its value; an explicit null clears it (and is refused where
	 * required).
	 */
	record UpdateAidRequestInput(String id, Long version, ArgumentValue<String> title,
			ArgumentValue<String> description, ArgumentValue<Double> quantity, ArgumentValue<String> unit,
			ArgumentValue<PeopleAffected> peopleAffected, ArgumentValue<Urgency> urgency,
			ArgumentValue<GeoPoint> location, ArgumentValue<Contact> contact, ArgumentValue<OffsetDateTime> neededBy) {

		AidRequestFields applyTo(AidRequestFields current) {
			OffsetDateTime currentNeededBy = (current.neededBy() != null)
					? current.neededBy().atOffset(java.time.ZoneOffset.UTC) : null;
			OffsetDateTime newNeededBy = changedOr(this.neededBy, currentNeededBy);
			return new AidRequestFields(changedOr(this.title, current.title()),
					changedOr(this.description, current.description()), changedOr(this.quantity, current.quantity()),
					changedOr(this.unit, current.unit()), changedOr(this.peopleAffected, current.peopleAffected()),
					changedOr(this.urgency, current.urgency()), changedOr(this.location, current.location()),
					changedOr(this.contact, current.contact()), (newNeededBy != null) ? newNeededBy.toInstant() : null);
		}

	}

	record TriageAidRequestInput(String id, Long version, Sector sector, ArgumentValue<Priority> priorityOverride,
			String reason) {

	}

	record ChangeAidRequestStatusInput(String id, Long version, AidRequestStatus status, @Size(max = 500) String note) {

	}

	record MarkDuplicateInput(String id, Long version, String duplicateOf, @Size(max = 500) String note) {

	}

	record AidRequestFilter(List<String> communities, List<Sector> sectors, List<AidRequestStatus> statuses,
			List<Urgency> urgencies, Priority minPriority, String reportedBy, OffsetDateTime neededBefore,
			OffsetDateTime createdAfter, String text, List<ClaimState> claimStates, String claimOrganizationKey) {

		static final AidRequestFilter NONE = new AidRequestFilter(null, null, null, null, null, null, null, null, null,
				null, null);

	}

}
