package org.hromada.security;

import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The realm's public keys, fetched from the JWK set URI and kept in memory, so that
 * checking a token needs no call to Keycloak in normal operation and keeps working while
 * Keycloak is down.
 * <ul>
 * <li><b>Normal operation.</b> The key set is fetched on first use and again when it is
 * older than {@code cache-ttl}: one fetch per {@code cache-ttl} (5 min), whatever the
 * traffic. Only one request fetches; the others go on with the keys in hand
 * meanwhile.</li>
 * <li><b>Key rotation.</b> A token whose key id is not in the set makes one fetch, at
 * most once per {@code min-refresh-interval} (10 s): a new key of the realm is found at
 * once, and tokens with made-up key ids cannot make the API flood Keycloak. A key id
 * still unknown after that is a rejected token (HTTP 401).</li>
 * <li><b>Keycloak down.</b> When a fetch fails (connection refused, timeout, error
 * status, not a key set), the last keys fetched stay in use for up to
 * {@code outage-tolerance} (1 h) after that fetch, retried every
 * {@code min-refresh-interval}; one warning is logged when the outage starts and one line
 * when the keys can be fetched again. Without usable keys (Keycloak down since the API
 * started, or for longer than the tolerance) tokens cannot be checked and are
 * refused.</li>
 * </ul>
 * A JWKSource for Spring Security's NimbusJwtDecoder. It replaces the decoder's default
 * source, which caches for 5 minutes and then fails every token while the key set cannot
 * be fetched. Thread-safe.
 */
final class JwkSetCache implements JWKSource<SecurityContext> {

	private static final Logger log = LoggerFactory.getLogger(JwkSetCache.class);

	/** Largest key set accepted, as Nimbus' default: Keycloak's is a few kilobytes. */
	private static final int SIZE_LIMIT = 50 * 1024;

	/**
	 * Retry interval while there are no usable keys at all (every token fails meanwhile).
	 */
	private static final Duration RETRY_WITHOUT_KEYS = Duration.ofSeconds(1);

	private final URL url;

	private final ResourceRetriever retriever;

	private final TokenProperties.Keys settings;

	private final Clock clock;

	private final ReentrantLock fetching = new ReentrantLock();

	private volatile Snapshot snapshot = new Snapshot(null, Instant.MIN, Instant.MIN, Instant.MIN, false);

	JwkSetCache(URL url, TokenProperties.Keys settings) {
		this(url, new DefaultResourceRetriever(millis(settings.connectTimeout()), millis(settings.readTimeout()),
				SIZE_LIMIT), settings, Clock.systemUTC());
	}

	JwkSetCache(URL url, ResourceRetriever retriever, TokenProperties.Keys settings, Clock clock) {
		this.url = url;
		this.retriever = retriever;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
		Snapshot current = this.snapshot;
		if (!this.clock.instant().isBefore(current.nextFetch())) {
			current = fetch(current, false);
		}
		List<JWK> found = select(selector, current);
		if (found.isEmpty()
				&& !this.clock.instant().isBefore(current.attempted().plus(this.settings.minRefreshInterval()))) {
			// A key id the set does not have: perhaps the realm has a new key.
			current = fetch(current, true);
			found = select(selector, current);
		}
		return found;
	}

	private List<JWK> select(JWKSelector selector, Snapshot current) throws KeySourceException {
		if (!current.usable(this.clock.instant(), usableFor())) {
			throw new KeySourceException(
					"The realm's signing keys are not available: the JWK set at " + this.url + " could not be fetched"
							+ (current.keys() != null ? " for longer than the outage tolerance" : ""));
		}
		return selector.select(current.keys());
	}

	/**
	 * Fetches the key set unless another request did since {@code seen} was read. A
	 * request that has usable keys does not wait for another one's fetch, except to look
	 * for a key id it does not know.
	 */
	private Snapshot fetch(Snapshot seen, boolean unknownKey) {
		boolean mayWait = unknownKey || !seen.usable(this.clock.instant(), usableFor());
		if (mayWait) {
			this.fetching.lock();
		}
		else if (!this.fetching.tryLock()) {
			return seen;
		}
		try {
			Snapshot current = this.snapshot;
			if (current != seen) {
				return current;
			}
			Instant now = this.clock.instant();
			Snapshot next;
			try {
				JWKSet keys = JWKSet.parse(this.retriever.retrieveResource(this.url).getContent());
				next = new Snapshot(keys, now, now, now.plus(this.settings.cacheTtl()), false);
				if (current.failing()) {
					log.info("Token keys: the JWK set at {} can be fetched again ({} keys)", this.url, keys.size());
				}
			}
			catch (Exception ex) {
				boolean usable = current.usable(now, usableFor());
				next = new Snapshot(usable ? current.keys() : null, current.fetched(), now,
						now.plus(usable ? this.settings.minRefreshInterval() : RETRY_WITHOUT_KEYS), true);
				if (usable && !current.failing()) {
					log.warn(
							"Token keys: cannot fetch the JWK set at {} ({}); tokens are checked against the keys "
									+ "fetched at {} until {} (outage tolerance), retried every {} s",
							this.url, ex.toString(), current.fetched(), current.fetched().plus(usableFor()),
							this.settings.minRefreshInterval().toSeconds());
				}
				else if (!usable && (current.keys() != null || !current.failing())) {
					log.warn("Token keys: cannot fetch the JWK set at {} ({}) and no usable keys are cached: every "
							+ "token is refused until it can be fetched", this.url, ex.toString());
				}
			}
			this.snapshot = next;
			return next;
		}
		finally {
			this.fetching.unlock();
		}
	}

	/**
	 * How long after a successful fetch its keys are used at most: the TTL, or the outage
	 * tolerance.
	 */
	private Duration usableFor() {
		Duration ttl = this.settings.cacheTtl();
		Duration tolerance = this.settings.outageTolerance();
		return (tolerance.compareTo(ttl) > 0) ? tolerance : ttl;
	}

	private static int millis(Duration duration) {
		return (int) duration.toMillis();
	}

	/**
	 * @param keys the keys in use, {@code null} if none
	 * @param fetched when they were fetched
	 * @param attempted when a fetch was last attempted, successful or not
	 * @param nextFetch when to fetch again
	 * @param failing whether the last attempt failed
	 */
	private record Snapshot(JWKSet keys, Instant fetched, Instant attempted, Instant nextFetch, boolean failing) {

		boolean usable(Instant now, Duration usableFor) {
			return this.keys != null && now.isBefore(this.fetched.plus(usableFor));
		}

	}

}
