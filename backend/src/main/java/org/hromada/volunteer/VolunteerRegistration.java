package org.hromada.volunteer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.hromada.activity.ActivityService;
import org.hromada.community.CommunityService;
import org.hromada.graphql.UserError;
import org.hromada.graphql.UserErrorCode;
import org.hromada.graphql.UserErrorException;
import org.hromada.security.Access;
import org.hromada.security.KeyedHash;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Coordinators register volunteers who have no account yet: an account in Keycloak with
 * the volunteer role and the coordinator's communities, a profile, and a one-time setup
 * link the coordinator hands over (no email is sent). One email never gets two accounts:
 * a registration first claims a keyed hash of the normalised email under a unique id, so
 * of two parallel registrations only one proceeds; Keycloak is then asked for an account
 * with that email (exact), and itself refuses a duplicate email. A claim left by a crash
 * can be taken again after {@code claimTimeout}. The setup link carries a random 256-bit
 * token of which only a hash is stored, valid for {@code setupLinkTtl} and used once.
 */
@Component
class VolunteerRegistration {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final KeycloakAccounts keycloak;

	private final MongoTemplate mongo;

	private final CommunityService communities;

	private final VolunteerService volunteers;

	private final ActivityService activities;

	private final RegistrationSettings settings;

	private final Clock clock;

	private final KeyedHash emailHash;

	VolunteerRegistration(KeycloakAccounts keycloak, MongoTemplate mongo, CommunityService communities,
			VolunteerService volunteers, ActivityService activities, RegistrationSettings settings, Clock clock) {
		this.keycloak = keycloak;
		this.mongo = mongo;
		this.communities = communities;
		this.volunteers = volunteers;
		this.activities = activities;
		this.settings = settings;
		this.clock = clock;
		this.emailHash = new KeyedHash(settings.emailKey(), "hromada.volunteer.registration.email-key");
	}

	/** A registration's input. */
	record RegisterVolunteerInput(String email, String firstName, String lastName, List<String> communityPcodes,
			String phone) {

	}

	/** A registered volunteer and the link to hand over. */
	record Registered(Volunteer volunteer, String setupLink, Instant setupLinkExpiresAt) {

	}

	/** A claim on an email: who registers it, and how far they got. */
	@Document("volunteer_registrations")
	record Claim(@Id String id, String status, String userId, Instant startedAt) {

	}

	/** A setup link's token, by hash. */
	@Document("account_setup_tokens")
	record SetupToken(@Id String id, String userId, Instant expiresAt, boolean used) {

	}

	Registered register(RegisterVolunteerInput input, Access access) {
		List<String> pcodes = (input.communityPcodes() != null)
				? List.copyOf(new LinkedHashSet<>(input.communityPcodes())) : List.of();
		// Scope first: nothing about communities the coordinator does not serve.
		pcodes.forEach(access::requireCommunity);
		String email = (input.email() != null) ? input.email().strip().toLowerCase(Locale.ROOT) : "";
		List<UserError> errors = new ArrayList<>();
		// Length first: the pattern backtracks quadratically on a long address with many
		// dots.
		if (email.length() > 200 || !email.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+")) {
			errors.add(UserError.of(UserErrorCode.INVALID, "email must be an email address", "input", "email"));
		}
		String firstName = name(input.firstName(), "firstName", errors);
		String lastName = name(input.lastName(), "lastName", errors);
		if (pcodes.isEmpty() || pcodes.size() > 20) {
			errors.add(UserError.of(UserErrorCode.INVALID, "communityPcodes must hold 1 to 20 P-codes", "input",
					"communityPcodes"));
		}
		else {
			Set<String> known = this.communities.findByPcodes(Set.copyOf(pcodes)).keySet();
			for (int i = 0; i < pcodes.size(); i++) {
				if (!known.contains(pcodes.get(i))) {
					errors.add(UserError.of(UserErrorCode.NOT_FOUND, "No community has P-code " + pcodes.get(i),
							"input", "communityPcodes", String.valueOf(i)));
				}
			}
		}
		if (input.phone() != null && !input.phone().matches("\\+?[0-9 ()\\-]{5,25}")) {
			errors.add(UserError.of(UserErrorCode.INVALID,
					"phone must be 5 to 25 digits, spaces, parentheses or hyphens", "input", "phone"));
		}
		if (!errors.isEmpty()) {
			throw new UserErrorException(errors);
		}
		String claimId = emailHash(email);
		claim(claimId);
		String userId;
		try {
			if (this.keycloak.existsWithEmail(email)) {
				throw duplicate();
			}
			userId = this.keycloak.create(new KeycloakAccounts.NewAccount(email, firstName, lastName, pcodes));
		}
		catch (KeycloakAccounts.AccountExists ex) {
			release(claimId);
			throw duplicate();
		}
		catch (RuntimeException ex) {
			release(claimId);
			throw ex;
		}
		Volunteer volunteer = this.volunteers.registered(userId, firstName + " " + lastName, pcodes,
				new VolunteerContact((input.phone() != null) ? input.phone().strip() : null, email), access.caller());
		this.mongo.updateFirst(Query.query(Criteria.where("id").is(claimId)),
				Update.update("status", "DONE").set("userId", userId), Claim.class);
		String token = newToken();
		Instant expires = this.clock.instant().plus(this.settings.setupLinkTtl());
		this.mongo.insert(new SetupToken(KeyedHash.sha256(token), userId, expires, false));
		this.activities.record(access.caller(), "volunteer.registered", "Volunteer", userId, pcodes.get(0),
				"Volunteer registered in " + pcodes.size() + " communities");
		String link = this.settings.publicUrl().toString().replaceAll("/+$", "") + "/account-setup?token=" + token;
		return new Registered(volunteer, link, expires);
	}

	/** The account of a setup token that is valid now, without using it. */
	Optional<String> peek(String token) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		SetupToken found = this.mongo.findById(KeyedHash.sha256(token), SetupToken.class);
		return (found != null && !found.used() && found.expiresAt().isAfter(this.clock.instant()))
				? Optional.of(found.userId()) : Optional.empty();
	}

	/**
	 * Sets the password of the token's account and uses the token up, atomically: of two
	 * concurrent uses only one passes. False when the token is unknown, used or expired.
	 */
	boolean setPassword(String token, String password) {
		if (!wellFormed(token)) {
			return false;
		}
		Query valid = Query.query(Criteria.where("id")
			.is(KeyedHash.sha256(token))
			.and("used")
			.is(false)
			.and("expiresAt")
			.gt(this.clock.instant()));
		SetupToken taken = this.mongo.findAndModify(valid, Update.update("used", true),
				FindAndModifyOptions.options().returnNew(true), SetupToken.class);
		if (taken == null) {
			return false;
		}
		try {
			this.keycloak.setPassword(taken.userId(), password);
			return true;
		}
		catch (RuntimeException ex) {
			// Keycloak refused (its password policy) or is away: the link stays usable.
			this.mongo.updateFirst(Query.query(Criteria.where("id").is(taken.id())), Update.update("used", false),
					SetupToken.class);
			throw ex;
		}
	}

	/**
	 * Claims the email for this registration; a finished claim, or an unfinished one
	 * younger than the timeout, means someone registered (or is registering) it.
	 */
	private void claim(String claimId) {
		Instant now = this.clock.instant();
		try {
			this.mongo.insert(new Claim(claimId, "PENDING", null, now));
		}
		catch (DuplicateKeyException ex) {
			Claim stale = this.mongo
				.findAndModify(
						Query.query(Criteria.where("id")
							.is(claimId)
							.and("status")
							.is("PENDING")
							.and("startedAt")
							.lt(now.minus(this.settings.claimTimeout()))),
						Update.update("startedAt", now), Claim.class);
			if (stale == null) {
				throw duplicate();
			}
		}
	}

	private void release(String claimId) {
		this.mongo.remove(Query.query(Criteria.where("id").is(claimId).and("status").is("PENDING")), Claim.class);
	}

	private static UserErrorException duplicate() {
		return new UserErrorException(UserError.of(UserErrorCode.DUPLICATE,
				"An account with this email exists or is being registered; nothing was created", "input", "email"));
	}

	private static String name(String value, String field, List<UserError> errors) {
		String name = (value != null) ? value.strip() : "";
		if (name.isEmpty() || name.length() > 100) {
			errors.add(UserError.of(UserErrorCode.INVALID, field + " must be 1 to 100 characters", "input", field));
		}
		return name;
	}

	private String emailHash(String normalisedEmail) {
		return this.emailHash.of("email:" + normalisedEmail);
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static boolean wellFormed(String token) {
		return token != null && token.matches("[A-Za-z0-9_-]{43}");
	}

}
