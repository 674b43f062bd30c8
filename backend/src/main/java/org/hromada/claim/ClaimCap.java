package org.hromada.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hromada.graphql.UserError;
import org.hromada.graphql.UserErrorCode;
import org.hromada.graphql.UserErrorException;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The anti-hoarding cap: an organisation holds at most
 * {@code hromada.claim.max-open-per-community} open claims in one community. Each open
 * claim takes one of the organisation's numbered places there ({@code capSlot}
 * "org|community|n", n below the cap), which a sparse unique index guards: of claims
 * racing for the last place one gets it, whatever the store. The count checked first also
 * holds the cap when it was lowered while claims held higher places.
 */
@Component
class ClaimCap {

	private final MongoTemplate mongo;

	private final ClaimSettings settings;

	ClaimCap(MongoTemplate mongo, ClaimSettings settings) {
		this.mongo = mongo;
		this.settings = settings;
	}

	/**
	 * The free places of the organisation in the community, lowest first; refuses with
	 * OVER_CAPACITY (at the input path given) when it holds the cap already.
	 */
	List<String> freeSlots(String organizationKey, String communityPcode, String... path) {
		Query open = new Query(Criteria.where("organizationKey")
			.is(organizationKey)
			.and("communityPcode")
			.is(communityPcode)
			.and("status")
			.in(ClaimStatus.OPEN));
		open.fields().include("capSlot");
		Set<String> taken = this.mongo.find(open, ClaimDocument.class)
			.stream()
			.map(ClaimDocument::getCapSlot)
			.collect(Collectors.toSet());
		List<String> free = new ArrayList<>();
		if (taken.size() < this.settings.maxOpenPerCommunity()) {
			for (int n = 0; n < this.settings.maxOpenPerCommunity(); n++) {
				String slot = organizationKey + "|" + communityPcode + "|" + n;
				if (!taken.contains(slot)) {
					free.add(slot);
				}
			}
		}
		if (free.isEmpty()) {
			throw full(organizationKey, communityPcode, path);
		}
		return free;
	}

	UserErrorException full(String organizationKey, String communityPcode, String... path) {
		int cap = this.settings.maxOpenPerCommunity();
		return new UserErrorException(UserError.of(UserErrorCode.OVER_CAPACITY,
				"Organisation " + organizationKey + " already holds " + cap + " open claims in community "
						+ communityPcode
						+ ", the most one organisation may hold in a community (hromada.claim.max-open-per-community = "
						+ cap + "); release one or let one end first",
				path));
	}

}
