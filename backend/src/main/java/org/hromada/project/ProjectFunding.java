package org.hromada.project;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hromada.activity.ActivityService;
import org.hromada.graphql.UserError;
import org.hromada.graphql.UserErrorCode;
import org.hromada.graphql.UserErrorException;
import org.hromada.project.ProjectInputs.RecordFundingInput;
import org.hromada.security.Access;
import org.hromada.security.Caller;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Records funding. The entry and the project's totals and gaps change in one atomic
 * single-document update (findAndModify), conditioned on the version that was read, on
 * the organisation being on the project with the FUNDING role, and, for partners, on it
 * being their own. A concurrent change makes the condition fail; the call then reads the
 * project again and recomputes, so no entry and no amount is ever lost and the totals
 * always equal the sum of the entries. Entries are embedded, at most
 * {@value Funding#MAX_ENTRIES} per project.
 */
@Component
class ProjectFunding {

	/**
	 * Most attempts of one call under contention; each failed attempt means another call
	 * changed the project, so progress is always made.
	 */
	static final int MAX_ATTEMPTS = 200;

	/** Earliest date of a funding entry. */
	static final Instant EARLIEST_DATE = Instant.parse("2000-01-01T00:00:00Z");

	/** Latest date of a funding entry (planned disbursements may lie ahead). */
	static final Instant LATEST_DATE = Instant.parse("2100-01-01T00:00:00Z");

	private final ProjectRepository repository;

	private final MongoTemplate mongo;

	private final ProjectMapper mapper;

	private final ActivityService activities;

	private final Clock clock;

	ProjectFunding(ProjectRepository repository, MongoTemplate mongo, ProjectMapper mapper, ActivityService activities,
			Clock clock) {
		this.repository = repository;
		this.mongo = mongo;
		this.mapper = mapper;
		this.activities = activities;
		this.clock = clock;
	}

	/** The project after the entry, the entry, and whether this call recorded it. */
	record Recorded(Project project, Project.FundingEntryView entry, boolean created) {

	}

	Recorded record(RecordFundingInput input, Access access) {
		ProjectDocument document = read(input.projectId());
		access.requireCommunity(document.getCommunityPcode());
		access.requireOrganization(input.organizationKey(), document.getCommunityPcode());
		check(input);
		String caller = access.caller().id();
		String clientRequestId = input.clientRequestId().strip();
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Optional<FundingEntry> earlier = document.getFundingEntries()
				.stream()
				.filter(entry -> entry.recordedBy().equals(caller) && entry.clientRequestId().equals(clientRequestId))
				.findFirst();
			if (earlier.isPresent()) {
				return retried(earlier.get(), input, document, access.caller());
			}
			requireFunder(document, input.organizationKey());
			if (document.getFundingEntries().size() >= Funding.MAX_ENTRIES) {
				throw new UserErrorException(UserError.of(UserErrorCode.OVER_CAPACITY,
						"A project holds at most " + Funding.MAX_ENTRIES + " funding entries", "input"));
			}
			Instant now = this.clock.instant();
			FundingEntry entry = new FundingEntry(UUID.randomUUID().toString(), input.organizationKey(), input.kind(),
					input.amount(), (input.date() != null) ? input.date().toInstant() : now,
					(input.note() != null && !input.note().isBlank()) ? input.note().strip() : null, caller, now,
					clientRequestId);
			List<FundingEntry> entries = new ArrayList<>(document.getFundingEntries());
			entries.add(entry);
			if (!Funding.withinCurrencies(document.getBudget(), entries)) {
				throw new UserErrorException(
						UserError
							.of(UserErrorCode.OVER_CAPACITY,
									"A project's money is in at most " + Funding.MAX_CURRENCIES
											+ " currencies, budget and funding together",
									"input", "amount", "currency"));
			}
			List<FundingTotals> totals = Funding.totals(document.getBudget(), entries);
			ProjectDocument updated = this.mongo.findAndModify(condition(document, input.organizationKey(), access),
					new Update().push("fundingEntries", entry)
						.set("fundingTotals", totals)
						.set("fundingGaps", Funding.gaps(totals))
						.set("updatedAt", now)
						.set("updatedBy", caller)
						.inc("version", 1),
					FindAndModifyOptions.options().returnNew(true), ProjectDocument.class);
			if (updated != null) {
				logRecorded(entry, updated, access.caller());
				return new Recorded(this.mapper.toApi(updated),
						this.mapper.fundingEntry(entry, this.mapper.owner(updated)), true);
			}
			document = read(input.projectId());
		}
		throw new UserErrorException(UserError.of(UserErrorCode.CONFLICT,
				"The project is changing too often right now; retry", "input", "projectId"));
	}

	/**
	 * The version read (no change in between), the organisation on the project with the
	 * FUNDING role, and the caller's reach.
	 */
	private static Query condition(ProjectDocument document, String organizationKey, Access access) {
		List<Criteria> conditions = new ArrayList<>();
		conditions.add(Criteria.where("_id").is(document.getId()));
		conditions.add(Criteria.where("version").is(document.getVersion()));
		conditions.add(Criteria.where("organizations")
			.elemMatch(Criteria.where("organizationKey")
				.is(organizationKey)
				.and("roles")
				.is(ProjectOrganizationRole.FUNDING)));
		Criteria community = access.communityCriteria("communityPcode");
		if (community != null) {
			conditions.add(community);
		}
		Criteria organization = access.organizationCriteria("organizationKeys");
		if (organization != null) {
			conditions.add(organization);
		}
		return new Query(new Criteria().andOperator(conditions));
	}

	private ProjectDocument read(String id) {
		return this.repository.findById(id)
			.orElseThrow(() -> new UserErrorException(
					UserError.of(UserErrorCode.NOT_FOUND, "No project has this id", "input", "projectId")));
	}

	private static void check(RecordFundingInput input) {
		List<UserError> errors = new ArrayList<>();
		if (input.clientRequestId() == null || input.clientRequestId().isBlank()
				|| input.clientRequestId().length() > 100) {
			errors.add(UserError.of(UserErrorCode.INVALID, "clientRequestId must have 1 to 100 characters", "input",
					"clientRequestId"));
		}
		if (input.amount() == null) {
			errors.add(UserError.of(UserErrorCode.INVALID, "amount is required", "input", "amount"));
		}
		else {
			errors.addAll(input.amount().problems("input", "amount"));
		}
		if (input.date() != null && (input.date().toInstant().isBefore(EARLIEST_DATE)
				|| input.date().toInstant().isAfter(LATEST_DATE))) {
			errors.add(UserError.of(UserErrorCode.INVALID, "date must be between 2000 and 2100", "input", "date"));
		}
		if (input.note() != null && input.note().length() > 500) {
			errors.add(UserError.of(UserErrorCode.INVALID, "note must have at most 500 characters", "input", "note"));
		}
		if (!errors.isEmpty()) {
			throw new UserErrorException(errors);
		}
	}

	private static void requireFunder(ProjectDocument document, String organizationKey) {
		boolean funder = document.getOrganizations()
			.stream()
			.anyMatch(organization -> organization.organizationKey().equals(organizationKey) && organization.funds());
		if (!funder) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
					"The organisation is not on the project with the FUNDING role", "input", "organizationKey"));
		}
	}

	/**
	 * A retry with a clientRequestId already used by this caller on this project: the
	 * first entry, when the content is the same.
	 */
	/** Logs the entry once, under its id, whether first recorded or retried. */
	private void logRecorded(FundingEntry entry, ProjectDocument project, Caller by) {
		this.activities.recordOnce("funding:" + entry.id(), by, "project.funding.recorded", Project.ENTITY_TYPE,
				project.getId(), project.getCommunityPcode(),
				"Funding " + entry.kind() + " of " + entry.amount().amountMinor() + " " + entry.amount().currency()
						+ " (minor units) by " + entry.organizationKey());
	}

	private Recorded retried(FundingEntry earlier, RecordFundingInput input, ProjectDocument document, Caller by) {
		if (!earlier.organizationKey().equals(input.organizationKey()) || earlier.kind() != input.kind()
				|| !earlier.amount().equals(input.amount())) {
			throw new UserErrorException(UserError.of(UserErrorCode.DUPLICATE,
					"This clientRequestId was already used for a different funding entry", "input", "clientRequestId"));
		}
		// The first attempt stored the entry but may have failed before logging it.
		logRecorded(earlier, document, by);
		return new Recorded(this.mapper.toApi(document), this.mapper.fundingEntry(earlier, this.mapper.owner(document)),
				false);
	}

}
