package org.hromada.report;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.hromada.security.Caller;
import org.hromada.security.KeyedHash;
import org.hromada.store.CollectionIndexes;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Issues and redeems one-time export links. The GraphQL query that issues a link is where
 * access is decided (by its @allow rules and the area check); the download only redeems a
 * ticket, once, before it expires, by the caller it was issued to.
 */
@Component
class ExportTickets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;

	private final ReportSettings settings;

	private final Clock clock;

	ExportTickets(MongoTemplate mongo, ReportSettings settings, Clock clock) {
		this.mongo = mongo;
		this.settings = settings;
		this.clock = clock;
	}

	ThreeWExportLink issue(ReportArea area, Caller caller) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.settings.exportLinkValidity());
		this.mongo
			.insert(new ExportTicketDocument(null, KeyedHash.sha256(ticket), caller.id(), area, now, expiresAt, null));
		return new ThreeWExportLink(ThreeWExportController.PATH + "?ticket=" + ticket, expiresAt);
	}

	/**
	 * The ticket's export, marking the ticket used in the same atomic update, so two
	 * downloads racing with one ticket get one export between them. Empty when the ticket
	 * is unknown, expired, used, or issued to someone else.
	 */
	Optional<ExportTicketDocument> redeem(String ticket, Caller caller) {
		if (ticket == null || ticket.isEmpty() || ticket.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Query query = new Query(Criteria.where("ticketHash")
			.is(KeyedHash.sha256(ticket))
			.and("ownerId")
			.is(caller.id())
			.and("usedAt")
			.is(null)
			.and("expiresAt")
			.gt(now));
		return Optional.ofNullable(this.mongo.findAndModify(query, new Update().set("usedAt", now),
				FindAndModifyOptions.options().returnNew(true), ExportTicketDocument.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ReportSettings.class)
	static class Store {

		/**
		 * Tickets are found by hash; expired tickets are removed by MongoDB an hour after
		 * expiry (the embedded store keeps them; they are refused all the same).
		 */
		@Bean
		CollectionIndexes exportTicketIndexes() {
			return CollectionIndexes.of(ExportTicketDocument.COLLECTION,
					new Index().on("ticketHash", Direction.ASC).unique().named("ticket_hash_unique"),
					new Index().on("expiresAt", Direction.ASC).expire(Duration.ofHours(1)).named("expiry"));
		}

	}

}
