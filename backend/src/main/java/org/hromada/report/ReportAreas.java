package org.hromada.report;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hromada.community.Community;
import org.hromada.community.CommunityService;
import org.hromada.graphql.BadRequestException;
import org.hromada.graphql.NotFoundException;
import org.hromada.security.Access;
import org.hromada.security.AccessScope;
import org.hromada.security.Role;

import org.springframework.stereotype.Component;

/**
 * Turns a report filter into the area a caller may see. Coordinators (a community-scoped
 * rule) stay within the communities they serve: naming another is FORBIDDEN and audited,
 * an oblast covers only their communities in it. Partners (an unscoped rule without the
 * admin role) get small counts suppressed.
 */
@Component
class ReportAreas {

	static final int MAX_ADM1 = 30;

	static final int MAX_COMMUNITIES = 100;

	private final CommunityService communities;

	ReportAreas(CommunityService communities) {
		this.communities = communities;
	}

	ReportArea ofCommunity(String communityId, Access access) {
		Community community = this.communities.findById(communityId)
			.orElseThrow(() -> new NotFoundException("No community has this id"));
		access.requireCommunity(community.pcode());
		return new ReportArea(Set.of(community.pcode()), Set.of(), null, null, suppresses(access));
	}

	ReportArea of(StatusFilter filter, Access access) {
		StatusFilter given = (filter != null) ? filter : StatusFilter.EVERYTHING;
		StatusFilter.Period period = given.period();
		if (period != null && period.from() != null && period.to() != null && !period.to().isAfter(period.from())) {
			throw new BadRequestException("filter.period.to must be after filter.period.from");
		}
		Set<String> named = named(given.communities(), "communities", MAX_COMMUNITIES);
		Set<String> oblasts = named(given.adm1(), "adm1", MAX_ADM1);
		Set<String> area = null;
		if (!named.isEmpty() || !oblasts.isEmpty()) {
			area = new LinkedHashSet<>(requireKnown(named));
			area.addAll(inOblasts(oblasts, access));
			for (String pcode : named) {
				access.requireCommunity(pcode);
			}
		}
		else if (access.scope() == AccessScope.OWN_COMMUNITIES) {
			area = new LinkedHashSet<>(access.caller().communities());
		}
		Set<org.hromada.aid.Sector> sectors = (given.sectors() != null && !given.sectors().isEmpty())
				? EnumSet.copyOf(given.sectors()) : Set.of();
		return new ReportArea(area, sectors, (period != null) ? period.from() : null,
				(period != null) ? period.to() : null, suppresses(access));
	}

	private static Set<String> named(List<String> values, String field, int max) {
		if (values == null) {
			return Set.of();
		}
		if (values.size() > max) {
			throw new BadRequestException("filter." + field + " lists more than " + max + " P-codes");
		}
		return new LinkedHashSet<>(values);
	}

	private Collection<String> requireKnown(Set<String> pcodes) {
		Map<String, Community> known = this.communities.findByPcodes(pcodes);
		for (String pcode : pcodes) {
			if (!known.containsKey(pcode)) {
				throw new BadRequestException("filter.communities: no community has P-code " + safe(pcode));
			}
		}
		return pcodes;
	}

	private Set<String> inOblasts(Set<String> oblasts, Access access) {
		Set<String> result = new LinkedHashSet<>();
		for (String oblast : oblasts) {
			List<String> inOblast = this.communities.pcodesInAdm1(oblast);
			if (inOblast.isEmpty()) {
				throw new BadRequestException("filter.adm1: no community lies in oblast " + safe(oblast));
			}
			if (access.scope() == AccessScope.OWN_COMMUNITIES) {
				List<String> served = inOblast.stream().filter(access.caller()::serves).toList();
				if (served.isEmpty()) {
					// An oblast with none of the caller's communities is an area they may
					// not see.
					access.requireCommunity(inOblast.get(0));
				}
				inOblast = served;
			}
			result.addAll(inOblast);
		}
		return result;
	}

	/**
	 * Small counts are withheld from partners: callers admitted by an unscoped rule who
	 * are not admins.
	 */
	private static boolean suppresses(Access access) {
		return access.scope() == AccessScope.ANY && !access.caller().has(Role.ADMIN);
	}

	/**
	 * A P-code echoed in an error, cut short and stripped of anything but P-code
	 * characters.
	 */
	private static String safe(String pcode) {
		String cleaned = pcode.replaceAll("[^A-Za-z0-9_-]", "");
		return (cleaned.length() > 20) ? cleaned.substring(0, 20) + "..." : cleaned;
	}

}
