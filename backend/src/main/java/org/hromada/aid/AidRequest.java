package org.hromada.aid;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.hromada.graphql.GeoPoint;
import org.hromada.security.Guarded;
import org.hromada.security.GuardedPart;
import org.hromada.security.Sensitivity;

/**
 * An aid request as the API shows it. Its contact, exact location, reporter name and
 * description are
 *
 * @sensitive in the schema: the access policy decides per caller whether they are shown,
 * with the facts this record gives ({@link Guarded}).
 */
public record AidRequest(String id, Long version, String communityPcode, Sector sector, String title,
		String description, Double quantity, String unit, PeopleAffected peopleAffected, Urgency urgency,
		Priority priority, PriorityExplanation priorityExplanation, GeoPoint location, String coarseCell,
		Contact contact, String reportedBy, String reporterName, Instant neededBy, String clientRequestId,
		List<String> possibleDuplicateIds, String duplicateOf, AidRequestStatus status,
		List<StatusChangeView> statusHistory, List<String> assignedVolunteerIds, AidRequestClaim claim,
		Instant createdAt, Instant updatedAt) implements Guarded {

	@Override
	public String entityType() {
		return "AidRequest";
	}

	/**
	 * The volunteer who logged the need and the volunteers assigned to it see its
	 * contact.
	 */
	@Override
	public Set<String> personallyEntitled() {
		return entitled(this.reportedBy, this.assignedVolunteerIds);
	}

	/**
	 * The organisation of a confirmed claim sees the RESTRICTED fields, and the contact
	 * while the claim is active; see {@link AidRequestClaim#entitled}.
	 */
	@Override
	public Set<String> entitledOrganizations(Sensitivity sensitivity) {
		return AidRequestClaim.entitled(this.claim, this.status, sensitivity);
	}

	/** Where the request stands with organisation claims. */
	public ClaimState claimState() {
		return (this.claim != null) ? this.claim.state() : ClaimState.UNCLAIMED;
	}

	/**
	 * Key of the organisation holding the request's open or completed claim; null when
	 * unclaimed.
	 */
	public String claimOrganizationKey() {
		return (claimState() != ClaimState.UNCLAIMED) ? this.claim.organizationKey() : null;
	}

	static Set<String> entitled(String reportedBy, List<String> assignedVolunteerIds) {
		Set<String> entitled = new java.util.HashSet<>(
				(assignedVolunteerIds != null) ? assignedVolunteerIds : List.of());
		entitled.add(reportedBy);
		return Set.copyOf(entitled);
	}

	public String clusterCode() {
		return this.sector.clusterCode();
	}

	/**
	 * How the priority was reached, judged by its request: the score and the factors
	 * would tell partners the number of people (see the schema).
	 */
	public record PriorityExplanation(Priority computed, double score, List<PriorityFactor> factors, Instant computedAt,
			OverrideView override, Owner owner) implements GuardedPart {

	}

	/**
	 * Whom a nested value of a request belongs to: its sensitive fields (a status
	 * change's note, an override's reason) are judged by the request.
	 */
	public record Owner(String entityType, String id, String communityPcode, Set<String> personallyEntitled,
			AidRequestClaim claim, AidRequestStatus status) implements Guarded {

		@Override
		public Set<String> entitledOrganizations(Sensitivity sensitivity) {
			return AidRequestClaim.entitled(this.claim, this.status, sensitivity);
		}

	}

	/** A status change as shown, judged by its request. */
	public record StatusChangeView(AidRequestStatus from, AidRequestStatus to, String by, Instant at, String note,
			Owner owner) implements GuardedPart {

	}

	/** A priority override as shown, judged by its request. */
	public record OverrideView(Priority priority, String by, String reason, Instant at,
			Owner owner) implements GuardedPart {

	}

}
