package org.hromada.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signs, each day shortly after midnight UTC, the heads of every chain of the activity
 * log as they stand then, with the key from configuration, and keeps the checkpoint in
 * the store for admins to download (auditCheckpoint). Every replica tries; the first
 * stores the day's checkpoint and the others find it there. Without a key nothing is
 * signed, and the start-up log says so.
 */
@Component
@EnableConfigurationProperties(AuditSettings.class)
class AuditCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	static final String VERSION = "hromada-audit-checkpoint v1";

	private final MongoTemplate mongo;

	private final ActivityChainer chainer;

	private final AuditSigningKey key;

	private final Clock clock;

	AuditCheckpoints(MongoTemplate mongo, ActivityChainer chainer, AuditSettings settings, Clock clock) {
		this.mongo = mongo;
		this.chainer = chainer;
		this.clock = clock;
		this.key = settings.signs() ? AuditSigningKey.parse(settings.signingKey()) : null;
		if (this.key == null) {
			log.warn("Audit checkpoints are not signed: set HROMADA_AUDIT_SIGNING_KEY (see the README, Audit)");
		}
	}

	@Scheduled(cron = "${hromada.audit.checkpoint-cron:0 5 0 * * *}", zone = "UTC")
	void scheduledRun() {
		if (this.key == null) {
			return;
		}
		LocalDate yesterday = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(1);
		try {
			sign(yesterday);
		}
		catch (RuntimeException ex) {
			log.warn("Signing the audit checkpoint of {} failed: {}", yesterday, ex.getClass().getSimpleName());
		}
	}

	/**
	 * The checkpoint of the day: signed now from the current heads, unless one is stored
	 * already, which is then returned.
	 */
	AuditCheckpointDocument sign(LocalDate day) {
		if (this.key == null) {
			throw new IllegalStateException("No audit signing key is configured");
		}
		AuditCheckpointDocument stored = find(day);
		if (stored != null) {
			return stored;
		}
		this.chainer.chainPending();
		Instant now = this.clock.instant();
		String payload = payload(day, now, this.mongo.findAll(ActivityChainHead.class));
		AuditCheckpointDocument checkpoint = new AuditCheckpointDocument(day.toString(), payload, this.key.algorithm(),
				Base64.getEncoder().encodeToString(this.key.sign(payload)), now);
		try {
			return this.mongo.insert(checkpoint);
		}
		catch (DuplicateKeyException ex) {
			// Another replica signed the day first.
			return find(day);
		}
	}

	AuditCheckpointDocument find(LocalDate day) {
		return this.mongo.findById(day.toString(), AuditCheckpointDocument.class);
	}

	/** The signed text: one line per chain, in the order of chain names. */
	private String payload(LocalDate day, Instant signedAt, List<ActivityChainHead> heads) {
		StringBuilder text = new StringBuilder().append(VERSION)
			.append('\n')
			.append("day ")
			.append(day)
			.append('\n')
			.append("signed-at ")
			.append(signedAt)
			.append('\n')
			.append("algorithm ")
			.append(this.key.algorithm())
			.append('\n');
		heads.stream()
			.sorted(Comparator.comparing(ActivityChainHead::chain))
			.forEach(head -> text.append("chain ")
				.append(head.chain())
				.append(' ')
				.append(head.writtenSeq())
				.append(' ')
				.append(head.writtenHash())
				.append('\n'));
		return text.toString();
	}

}
