package org.hromada.activity;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hromada.security.Caller;
import org.hromada.support.IntegrationTest;
import org.hromada.support.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Daily checkpoints: the heads of the chains signed with the configured key, stored once
 * per day, downloadable by admins, and verifiable outside the service with the public key
 * only (also with the openssl command of the README); a forged one fails.
 */
class AuditCheckpointTests extends IntegrationTest {

	/** Each test signs its own day: checkpoints are one per day. */
	private static final AtomicInteger DAYS = new AtomicInteger();

	@Autowired
	private ActivityService activities;

	@Autowired
	private ActivityChainer chainer;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private Clock clock;

	@Test
	void aCheckpointSignsTheHeadOfEveryChainAndVerifiesWithThePublicKey() throws Exception {
		String pcode = logTwo();
		KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		LocalDate day = nextDay();
		signer(keys).sign(day);

		Checkpoint checkpoint = download(day);

		this.activities.record(Caller.SYSTEM, "test.step", "Test", "step-3", pcode, "after the checkpoint");
		String head = hashThrough(pcode, 2);
		assertThat(checkpoint.day()).isEqualTo(day.toString());
		assertThat(checkpoint.algorithm()).isEqualTo("Ed25519");
		assertThat(checkpoint.payload()).startsWith("hromada-audit-checkpoint v1\nday " + day + "\n")
			.contains("\nchain " + pcode + " 2 " + head + "\n");
		assertThat(verifies(keys.getPublic(), "Ed25519", checkpoint)).isTrue();
	}

	@Test
	void aForgedCheckpointFailsToVerify() throws Exception {
		String pcode = logTwo();
		KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		LocalDate day = nextDay();
		String payload = signer(keys).sign(day).payload();
		String forged = payload.replace("chain " + pcode + " 2 ", "chain " + pcode + " 1 ");
		assertThat(forged).isNotEqualTo(payload);
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(day.toString())), Update.update("payload", forged),
				AuditCheckpointDocument.class);

		Checkpoint downloaded = download(day);

		assertThat(downloaded.payload()).isEqualTo(forged);
		assertThat(verifies(keys.getPublic(), "Ed25519", downloaded)).isFalse();
	}

	@Test
	void aCheckpointSignedWithAnotherKeyFailsToVerify() throws Exception {
		logTwo();
		KeyPair installation = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		KeyPair forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		LocalDate day = nextDay();
		signer(forger).sign(day);

		assertThat(verifies(installation.getPublic(), "Ed25519", download(day))).isFalse();
	}

	@Test
	void replicasSigningTheSameDayKeepTheFirstCheckpoint() throws Exception {
		logTwo();
		LocalDate day = nextDay();
		AuditCheckpointDocument first = signer(KeyPairGenerator.getInstance("Ed25519").generateKeyPair()).sign(day);
		logTwo();

		AuditCheckpointDocument second = signer(KeyPairGenerator.getInstance("Ed25519").generateKeyPair()).sign(day);

		assertThat(second.payload()).isEqualTo(first.payload());
		assertThat(second.signature()).isEqualTo(first.signature());
		assertThat(download(day).signature()).isEqualTo(first.signature());
	}

	@Test
	void anEcKeySignsWithEcdsa() throws Exception {
		logTwo();
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		KeyPair keys = generator.generateKeyPair();
		LocalDate day = nextDay();
		signer(keys).sign(day);

		Checkpoint checkpoint = download(day);

		assertThat(checkpoint.algorithm()).isEqualTo("SHA256withECDSA");
		assertThat(verifies(keys.getPublic(), "SHA256withECDSA", checkpoint)).isTrue();
	}

	@Test
	void aKeyThatIsNoPrivateKeyIsRefusedWithoutRepeatingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> AuditSigningKey.parse("c2VjcmV0LXZhbHVl"))
			.withMessageContaining("HROMADA_AUDIT_SIGNING_KEY")
			.withMessageNotContaining("c2VjcmV0LXZhbHVl");
		assertThatIllegalArgumentException().isThrownBy(() -> AuditSigningKey.parse("not base64 at all!"));
	}

	@Test
	void aDayWithoutCheckpointIsNullAndAMalformedDayIsRefused() {
		as(TestUser.ADMIN).documentName("auditCheckpoint")
			.variable("day", "1990-01-01")
			.execute()
			.path("auditCheckpoint")
			.valueIsNull();
		as(TestUser.ADMIN).documentName("auditCheckpoint")
			.variable("day", "01.01.1990")
			.execute()
			.errors()
			.expect(error -> "BAD_REQUEST".equals(error.getErrorType().toString())
					&& error.getMessage().equals("day must be a date as YYYY-MM-DD"))
			.verify();
	}

	/** The command of the README (Audit), where openssl is installed. */
	@Test
	void theReadmesOpensslCommandVerifiesACheckpoint(@TempDir Path folder) throws Exception {
		assumeThat(openssl(folder, "version")).as("openssl installed").isZero();
		logTwo();
		KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		LocalDate day = nextDay();
		signer(keys).sign(day);
		Checkpoint checkpoint = download(day);
		Files.writeString(folder.resolve("audit-public.pem"),
				"-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
						+ "\n-----END PUBLIC KEY-----\n");
		Files.writeString(folder.resolve("payload.txt"), checkpoint.payload(), StandardCharsets.UTF_8);
		Files.write(folder.resolve("signature.bin"), Base64.getDecoder().decode(checkpoint.signature()));

		assertThat(openssl(folder, "pkeyutl", "-verify", "-pubin", "-inkey", "audit-public.pem", "-rawin", "-in",
				"payload.txt", "-sigfile", "signature.bin"))
			.isZero();
		Files.writeString(folder.resolve("payload.txt"), checkpoint.payload().replace("chain ", "chain X"),
				StandardCharsets.UTF_8);
		assertThat(openssl(folder, "pkeyutl", "-verify", "-pubin", "-inkey", "audit-public.pem", "-rawin", "-in",
				"payload.txt", "-sigfile", "signature.bin"))
			.as("a forged payload")
			.isNotZero();
	}

	private AuditCheckpoints signer(KeyPair keys) {
		String key = Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
		return new AuditCheckpoints(this.mongo, this.chainer, new AuditSettings(Duration.ofSeconds(1), 500, key),
				this.clock);
	}

	/** Two chained entries in a new community; returns its P-code. */
	private String logTwo() {
		String pcode = uniquePcode();
		this.activities.record(Caller.SYSTEM, "test.step", "Test", "step-1", pcode, "step 1");
		this.activities.record(Caller.SYSTEM, "test.step", "Test", "step-2", pcode, "step 2");
		// Chained now, whatever backlog other tests left (tests chain explicitly).
		this.chainer.chainAll(pcode);
		return pcode;
	}

	private static LocalDate nextDay() {
		return LocalDate.of(2001, 1, 1).plusDays(DAYS.incrementAndGet());
	}

	/**
	 * What an auditor holding the checkpoint asks: the chain's hash at its head's
	 * position.
	 */
	private String hashThrough(String pcode, long seq) {
		return as(TestUser.ADMIN).documentName("verifyAuditChain")
			.variable("communityPcode", pcode)
			.variable("throughSeq", seq)
			.execute()
			.path("verifyAuditChain.headHash")
			.entity(String.class)
			.get();
	}

	private Checkpoint download(LocalDate day) {
		return as(TestUser.ADMIN).documentName("auditCheckpoint")
			.variable("day", day.toString())
			.execute()
			.path("auditCheckpoint")
			.entity(Checkpoint.class)
			.get();
	}

	private static boolean verifies(PublicKey key, String algorithm, Checkpoint checkpoint)
			throws GeneralSecurityException {
		Signature signature = Signature.getInstance(algorithm);
		signature.initVerify(key);
		signature.update(checkpoint.payload().getBytes(StandardCharsets.UTF_8));
		return signature.verify(Base64.getDecoder().decode(checkpoint.signature()));
	}

	private static int openssl(Path folder, String... arguments) throws IOException, InterruptedException {
		String[] command = new String[arguments.length + 1];
		command[0] = "openssl";
		System.arraycopy(arguments, 0, command, 1, arguments.length);
		Process process;
		try {
			process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			// Not installed.
			return -1;
		}
		process.getInputStream().transferTo(OutputStream.nullOutputStream());
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return -1;
		}
		return process.exitValue();
	}

	record Checkpoint(String day, String signedAt, String algorithm, String payload, String signature) {

	}

}
