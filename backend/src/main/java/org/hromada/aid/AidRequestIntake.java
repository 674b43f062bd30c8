package org.hromada.aid;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hromada.activity.ActivityService;
import org.hromada.aid.AidRequestInputs.LogAidRequestInput;
import org.hromada.community.Community;
import org.hromada.community.CommunityService;
import org.hromada.graphql.InputValidation;
import org.hromada.graphql.UserError;
import org.hromada.graphql.UserErrorCode;
import org.hromada.graphql.UserErrorException;
import org.hromada.security.Access;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Logs needs from the field, safely over a connection that drops: each submission carries
 * a clientRequestId, unique per community and reporter (a unique index that a cluster
 * sharded by community enforces), so a retry, even one racing the first attempt, returns
 * the first result and creates nothing. A retry is recognised as such only if its content
 * is the same (compared by fingerprint); other content under a used key is refused.
 */
@Component
class AidRequestIntake {

	private final AidRequestRepository repository;

	private final AidRequestContent content;

	private final DuplicateFinder duplicates;

	private final CommunityService communities;

	private final InputValidation validation;

	private final Fingerprints fingerprints;

	private final AidRequestMapper mapper;

	private final ActivityService activities;

	private final AidSettings settings;

	private final Clock clock;

	AidRequestIntake(AidRequestRepository repository, AidRequestContent content, DuplicateFinder duplicates,
			CommunityService communities, InputValidation validation, Fingerprints fingerprints,
			AidRequestMapper mapper, ActivityService activities, AidSettings settings, Clock clock) {
		this.repository = repository;
		this.content = content;
		this.duplicates = duplicates;
		this.communities = communities;
		this.validation = validation;
		this.fingerprints = fingerprints;
		this.mapper = mapper;
		this.activities = activities;
		this.settings = settings;
		this.clock = clock;
	}

	/** The outcome of logging one need. */
	record Logged(AidRequest aidRequest, boolean created) {

	}

	/** The outcome of one item of a batch. */
	record ItemResult(int index, String clientRequestId, AidRequest aidRequest, boolean created,
			List<UserError> userErrors) {

	}

	/**
	 * Logs one need; refuses it with user errors, or FORBIDDEN outside the caller's
	 * communities.
	 */
	Logged log(LogAidRequestInput input, Access access, String... errorPrefix) {
		if (input.communityPcode() != null) {
			// Scope first: callers learn nothing about communities they do not serve, not
			// even validation.
			access.requireCommunity(input.communityPcode());
		}
		List<UserError> errors = new ArrayList<>(this.validation.check(input, errorPrefix));
		errors.addAll(this.validation.check(input.fields(), errorPrefix));
		if (input.sector() == null) {
			errors.add(UserError.of(UserErrorCode.INVALID, "sector is required", "sector").under(errorPrefix));
		}
		if (!errors.isEmpty()) {
			throw new UserErrorException(errors);
		}
		String submission = this.fingerprints.submission(SubmissionForm.canonical(input));
		Optional<Logged> retry = earlierSubmission(input, access, submission, errorPrefix);
		if (retry.isPresent()) {
			return retry.get();
		}
		Community community = this.communities.findByPcode(input.communityPcode())
			.orElseThrow(() -> new UserErrorException(UserError
				.of(UserErrorCode.NOT_FOUND, "No community has P-code " + input.communityPcode(), "communityPcode")
				.under(errorPrefix)));
		AidRequestDocument document = newDocument(input, access, submission, community);
		try {
			document = this.repository.insert(document);
		}
		catch (DuplicateKeyException ex) {
			// A retry raced us and won: answer as the retry of that one.
			return earlierSubmission(input, access, submission, errorPrefix).orElseThrow(() -> ex);
		}
		recordLogged(document, access);
		return new Logged(this.mapper.toApi(document), true);
	}

	/**
	 * Logs each item on its own; a failing item, whatever it throws, does not stop the
	 * others. Only an unreachable store fails the whole call.
	 */
	List<ItemResult> logAll(List<LogAidRequestInput> items, Access access) {
		if (items.isEmpty() || items.size() > this.settings.maxBatchSize()) {
			throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
					"items must hold 1 to " + this.settings.maxBatchSize() + " needs, not " + items.size(), "input",
					"items"));
		}
		List<ItemResult> results = new ArrayList<>(items.size());
		for (int index = 0; index < items.size(); index++) {
			LogAidRequestInput item = items.get(index);
			String[] prefix = { "input", "items", String.valueOf(index) };
			try {
				Logged logged = log(item, access, prefix);
				results.add(new ItemResult(index, item.clientRequestId(), logged.aidRequest(), logged.created(),
						List.of()));
			}
			catch (UserErrorException ex) {
				results.add(new ItemResult(index, item.clientRequestId(), null, false, ex.errors()));
			}
			catch (AccessDeniedException ex) {
				results.add(
						new ItemResult(index, item.clientRequestId(), null, false,
								List.of(UserError.of(UserErrorCode.FORBIDDEN,
										"You may not log needs in community " + item.communityPcode(), "communityPcode")
									.under(prefix))));
			}
			catch (DataAccessResourceFailureException ex) {
				// The store is unreachable: no item is at fault and every other would
				// wait out the same timeout. The whole call fails as SERVICE_UNAVAILABLE;
				// the retried batch is idempotent.
				throw ex;
			}
			catch (RuntimeException | StackOverflowError ex) {
				// Whatever else one item throws, the others are still logged and
				// answered: an item that failed the whole batch would fail it on every
				// retry, and an offline queue would never drain.
				results.add(new ItemResult(index, item.clientRequestId(), null, false,
						List.of(BatchItemFault.report(index, ex).under(prefix))));
			}
		}
		return results;
	}

	private Optional<Logged> earlierSubmission(LogAidRequestInput input, Access access, String submission,
			String... errorPrefix) {
		return this.repository.findByReportedByAndClientRequestId(access.caller().id(), input.clientRequestId())
			.map(earlier -> {
				if (!sameSubmission(input, submission, earlier.getSubmissionFingerprint())) {
					throw new UserErrorException(UserError
						.of(UserErrorCode.DUPLICATE,
								"clientRequestId " + input.clientRequestId()
										+ " was already used for a different request; use a new one for a new need",
								"clientRequestId")
						.under(errorPrefix));
				}
				// The first attempt may have stored the need but failed to log it:
				// complete the log now.
				recordLogged(earlier, access);
				return new Logged(this.mapper.toApi(earlier), false);
			});
	}

	/**
	 * Whether the stored fingerprint is of this content: in the current form, or in the
	 * form before versions for needs first submitted before it.
	 */
	private boolean sameSubmission(LogAidRequestInput input, String submission, String stored) {
		return submission.equals(stored)
				|| (stored != null && stored.equals(this.fingerprints.submission(SubmissionForm.previous(input))));
	}

	/**
	 * The activity of a logged need, recorded once however often the submission is
	 * retried.
	 */
	private void recordLogged(AidRequestDocument document, Access access) {
		this.activities.recordOnce(document.getId() + ":logged", access.caller(), "aidRequest.logged", "AidRequest",
				document.getId(), document.getCommunityPcode(),
				"Aid request logged: " + document.getSector() + ", priority " + document.getPriority()
						+ (document.getPossibleDuplicateIds().isEmpty() ? ""
								: ", " + document.getPossibleDuplicateIds().size() + " possible duplicate(s)"));
	}

	private AidRequestDocument newDocument(LogAidRequestInput input, Access access, String submission,
			Community community) {
		AidRequestDocument document = new AidRequestDocument();
		document.setCommunityPcode(community.pcode());
		document.setSector(input.sector());
		this.content.apply(input.fields(), document);
		document.setReportedBy(access.caller().id());
		document.setReporterName(access.caller().name());
		document.setClientRequestId(input.clientRequestId());
		document.setSubmissionFingerprint(submission);
		document.setStatus(AidRequestStatus.NEW);
		document.getStatusHistory()
			.add(new StatusChange(null, AidRequestStatus.NEW, access.caller().id(), this.clock.instant(), null));
		this.content.prioritize(document, community);
		document.setPossibleDuplicateIds(this.duplicates.possibleDuplicatesOf(document));
		return document;
	}

}
