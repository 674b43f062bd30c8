package org.hromada.aid;

import java.time.Clock;

import org.hromada.community.Community;
import org.hromada.store.StoredLocation;

import org.springframework.stereotype.Component;

/**
 * Writes a request's content onto its document together with everything derived from it:
 * the computed priority (kept under any override), search tokens, the H3 cells of the
 * location and the contact phone's fingerprint. Logging and every later change go through
 * here, so derived fields never drift from the content.
 */
@Component
class AidRequestContent {

	private final PriorityCalculator priorities;

	private final Fingerprints fingerprints;

	private final Clock clock;

	AidRequestContent(PriorityCalculator priorities, Fingerprints fingerprints, Clock clock) {
		this.priorities = priorities;
		this.fingerprints = fingerprints;
		this.clock = clock;
	}

	void apply(AidRequestFields fields, AidRequestDocument document) {
		document.setTitle(fields.title());
		document.setDescription(fields.description());
		document.setQuantity(fields.quantity());
		document.setUnit(fields.unit());
		document.setPeople(fields.peopleAffected());
		document.setUrgency(fields.urgency());
		document.setLocation((fields.location() != null)
				? StoredLocation.of(fields.location().latitude(), fields.location().longitude()) : null);
		document.setContact(fields.contact());
		document.setContactFingerprint(
				this.fingerprints.phone((fields.contact() != null) ? fields.contact().phone() : null));
		document.setNeededBy(fields.neededBy());
		document.setNeededBySort((fields.neededBy() != null) ? fields.neededBy() : AidRequestDocument.NEVER);
		document.setSearchTokens(TextTokens.of(fields.title(), fields.description()));
		document.setTitleTokens(TextTokens.of(fields.title()));
	}

	/**
	 * Recomputes the priority from the document and its community; the override, if any,
	 * wins.
	 */
	void prioritize(AidRequestDocument document, Community community) {
		PriorityCalculator.Result result = this.priorities
			.compute(new PriorityCalculator.Inputs(document.getUrgency(), document.getPeople(), document.getSector(),
					(document.getCreatedAt() != null) ? document.getCreatedAt() : this.clock.instant(),
					this.clock.instant(), community.accessStatus()));
		document.setPriorityScore(result.score());
		document.setPriorityFactors(result.factors());
		document.setPriorityComputedAt(result.computedAt());
		Priority effective = (document.getPriorityOverride() != null) ? document.getPriorityOverride().priority()
				: result.priority();
		document.setPriority(effective);
		document.setPriorityRank(effective.rank());
	}

}
