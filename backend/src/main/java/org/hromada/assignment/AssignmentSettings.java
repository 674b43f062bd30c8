package org.hromada.assignment;

import java.time.Duration;
import java.util.Set;

import org.hromada.aid.Sector;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of assignments (hromada.assignment.*).
 *
 * @param offerTtl an offer not answered this long after it was made expires (and at the
 * latest at the check-in deadline)
 * @param checkInGrace an accepted assignment not checked in by window start plus this
 * expires
 * @param inProgressGrace an assignment checked in but not completed by window end plus
 * this expires, as incomplete
 * @param expiryInterval how often the expiry job runs
 * @param declineReasonRequired whether a volunteer must say why they decline
 * @param vettedSectors sectors whose tasks only VETTED volunteers may take
 * @param maxWindow longest window of one assignment
 * @param bookingGrace a booking whose assignment is not stored this long after it was
 * made is dropped (a crash between the two writes)
 * @param localLanguage language of the people served (ISO 639-1), for matching
 */
@ConfigurationProperties("hromada.assignment")
record AssignmentSettings(@DefaultValue("24h") Duration offerTtl, @DefaultValue("2h") Duration checkInGrace,
		@DefaultValue("24h") Duration inProgressGrace, @DefaultValue("1m") Duration expiryInterval,
		@DefaultValue("true") boolean declineReasonRequired, @DefaultValue( {
				"PROTECTION", "CHILD_PROTECTION", "GBV", "MINE_ACTION", "HEALTH" }) Set<Sector> vettedSectors,
		@DefaultValue("14d") Duration maxWindow, @DefaultValue("2m") Duration bookingGrace,
		@DefaultValue("uk") String localLanguage){

	boolean needsVetting(Sector sector) {
		return sector != null && this.vettedSectors.contains(sector);
	}

}
