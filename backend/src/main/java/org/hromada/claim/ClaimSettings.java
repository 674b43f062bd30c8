package org.hromada.claim;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of organisation claims (hromada.claim.*).
 *
 * @param progressTimeout an open claim without progress (a claim, confirmation, transfer,
 * progress note or status change of the need) for this long expires
 * @param maxOpenPerCommunity most open claims one organisation may hold in one community
 * (anti-hoarding)
 * @param expiryInterval how often the expiry job runs
 */
@ConfigurationProperties("hromada.claim")
record ClaimSettings(@DefaultValue("72h") Duration progressTimeout, @DefaultValue("10") int maxOpenPerCommunity,
		@DefaultValue("1m") Duration expiryInterval) {

}
