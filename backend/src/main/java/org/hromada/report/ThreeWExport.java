package org.hromada.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.hromada.aid.AidRequestStatistics;
import org.hromada.aid.NeedResponse;
import org.hromada.community.Community;
import org.hromada.community.CommunityService;
import org.hromada.graphql.Money;
import org.hromada.organization.Organization;
import org.hromada.organization.OrganizationService;
import org.hromada.project.ProjectActivity;
import org.hromada.project.ProjectStatistics;

import org.springframework.stereotype.Component;

/**
 * Writes the 3W export (who does what, where) of an area as CSV: a header row, the HXL
 * hashtag row, then one row per organisation, sector, community and activity. Rows come
 * from store cursors one at a time, so memory use does not grow with the export.
 *
 * <p>
 * Activities are rebuilding projects (one row per project, implementing organisation and
 * budget currency) and the responses to needs by Hromada's volunteers (one row per need
 * someone was assigned to, under the configured network name).
 */
@Component
class ThreeWExport {

	/** How a suppressed figure reads in the CSV: "fewer than five", never 0. */
	static final String SUPPRESSED = "<" + SmallCounts.THRESHOLD;

	private final AidRequestStatistics needs;

	private final ProjectStatistics projects;

	private final CommunityService communities;

	private final OrganizationService organizations;

	private final ReportSettings settings;

	ThreeWExport(AidRequestStatistics needs, ProjectStatistics projects, CommunityService communities,
			OrganizationService organizations, ReportSettings settings) {
		this.needs = needs;
		this.projects = projects;
		this.communities = communities;
		this.organizations = organizations;
		this.settings = settings;
	}

	/** Writes the export and returns the number of data rows. */
	long write(ReportArea area, Writer out) throws IOException {
		CsvWriter csv = new CsvWriter(out);
		csv.row(Arrays.stream(ThreeWColumn.values()).map(ThreeWColumn::header).toList());
		csv.row(Arrays.stream(ThreeWColumn.values()).map(ThreeWColumn::hashtag).toList());
		SmallCounts figures = SmallCounts.forArea(area);
		CommunityCache places = new CommunityCache(area.communityPcodes());
		OrganizationNames names = new OrganizationNames();
		long rows = 0;
		try (Stream<ProjectActivity> activities = this.projects.activities(area.figureScope())) {
			for (ProjectActivity project : (Iterable<ProjectActivity>) activities::iterator) {
				for (ThreeWRow row : projectRows(project, places.get(project.communityPcode()), names, figures)) {
					csv.row(row.fields());
					rows++;
				}
			}
		}
		try (Stream<NeedResponse> responses = this.needs.responses(area.figureScope())) {
			for (NeedResponse response : (Iterable<NeedResponse>) responses::iterator) {
				csv.row(needRow(response, places.get(response.communityPcode()), names, figures).fields());
				rows++;
			}
		}
		return rows;
	}

	/**
	 * One row per implementing organisation (the accountable ones when none implements)
	 * and budget currency. The budget is the project's whole budget in that currency,
	 * repeated on each organisation's row: sum budgets per activity code and currency.
	 */
	private List<ThreeWRow> projectRows(ProjectActivity project, Optional<Community> community, OrganizationNames names,
			SmallCounts figures) {
		List<String> doers = !project.implementing().isEmpty() ? project.implementing() : project.accountable();
		String reporting = !project.accountable().isEmpty() ? names.of(project.accountable())
				: names.of(project.implementing());
		List<Money> budgets = project.budget().isEmpty() ? Collections.singletonList(null) : project.budget();
		List<String> implementers = doers.isEmpty() ? Collections.singletonList(null) : doers;
		List<ThreeWRow> rows = new ArrayList<>();
		for (String implementer : implementers) {
			for (Money budget : budgets) {
				ThreeWRow row = new ThreeWRow().set(ThreeWColumn.ORGANISATION, reporting)
					.set(ThreeWColumn.IMPLEMENTING, (implementer != null) ? names.of(List.of(implementer)) : null)
					.set(ThreeWColumn.FUNDER, names.of(project.funding()))
					.set(ThreeWColumn.SECTOR, (project.sector() != null) ? project.sector().clusterCode() : null)
					.set(ThreeWColumn.ADM3_CODE, project.communityPcode())
					.set(ThreeWColumn.ACTIVITY, "project-" + project.id())
					.set(ThreeWColumn.STATUS, project.status().name())
					.set(ThreeWColumn.START, date(project.startedAt()))
					.set(ThreeWColumn.END, date(project.endedAt()))
					.set(ThreeWColumn.TARGETED,
							(project.targeted() != null) ? people(project.targeted(), figures) : null)
					.set(ThreeWColumn.REACHED, (project.reached() != null) ? people(project.reached(), figures) : null);
				if (budget != null) {
					row.set(ThreeWColumn.BUDGET, majorUnits(budget)).set(ThreeWColumn.CURRENCY, budget.currency());
				}
				place(row, community);
				rows.add(row);
			}
		}
		return rows;
	}

	/**
	 * The amount in the currency's major unit, exactly (BigDecimal, never floating
	 * point): 150000 minor units of UAH read 1500.00.
	 */
	private static String majorUnits(Money money) {
		int digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
		return BigDecimal.valueOf(money.amountMinor(), digits).toPlainString();
	}

	private static void place(ThreeWRow row, Optional<Community> community) {
		community.ifPresent(place -> row.set(ThreeWColumn.ADM1_CODE, place.adm1().pcode())
			.set(ThreeWColumn.ADM1_NAME, place.adm1().name().en())
			.set(ThreeWColumn.ADM2_CODE, place.adm2().pcode())
			.set(ThreeWColumn.ADM3_NAME, place.name().en()));
	}

	/**
	 * One need's response, under the organisation of its confirmed claim when it has one
	 * (the organisation does the work), else under the volunteer network.
	 */
	private ThreeWRow needRow(NeedResponse response, Optional<Community> community, OrganizationNames names,
			SmallCounts figures) {
		String doer = (response.claimOrganizationKey() != null) ? names.of(List.of(response.claimOrganizationKey()))
				: this.settings.volunteerNetworkName();
		ThreeWRow row = new ThreeWRow().set(ThreeWColumn.ORGANISATION, doer)
			.set(ThreeWColumn.IMPLEMENTING, doer)
			.set(ThreeWColumn.SECTOR, response.sector().clusterCode())
			.set(ThreeWColumn.ADM3_CODE, response.communityPcode())
			.set(ThreeWColumn.ACTIVITY, "need-" + response.id())
			.set(ThreeWColumn.STATUS, response.status().name())
			.set(ThreeWColumn.START, date(response.startedAt()))
			.set(ThreeWColumn.END, date(response.endedAt()))
			.set(ThreeWColumn.TARGETED, people(response.peopleAffected(), figures));
		if (response.reached()) {
			row.set(ThreeWColumn.REACHED, people(response.peopleAffected(), figures));
		}
		place(row, community);
		return row;
	}

	private static String people(long count, SmallCounts figures) {
		Figure figure = figures.count(count);
		return figure.suppressed() ? SUPPRESSED : String.valueOf(figure.value());
	}

	private static String date(Instant instant) {
		return (instant != null) ? instant.atZone(ZoneOffset.UTC).toLocalDate().toString() : null;
	}

	/**
	 * English names of the organisations met during one export, each looked up once;
	 * several are joined with "; ".
	 */
	private final class OrganizationNames {

		private final Map<String, String> known = new HashMap<>();

		String of(List<String> keys) {
			if (keys.isEmpty()) {
				return null;
			}
			List<String> missing = keys.stream().filter(key -> !this.known.containsKey(key)).toList();
			if (!missing.isEmpty()) {
				Map<String, Organization> found = ThreeWExport.this.organizations.findByKeys(missing);
				missing
					.forEach(key -> this.known.put(key, (found.get(key) != null) ? found.get(key).name().en() : key));
			}
			return String.join("; ", keys.stream().map(this.known::get).toList());
		}

	}

	/**
	 * The communities of one export: those of the area in one query when it names them,
	 * otherwise (every community) each looked up once when first met; a country has a few
	 * thousand at most.
	 */
	private final class CommunityCache {

		private final Map<String, Optional<Community>> known = new HashMap<>();

		CommunityCache(Set<String> area) {
			if (area != null) {
				Map<String, Community> found = ThreeWExport.this.communities.findByPcodes(area);
				area.forEach(pcode -> this.known.put(pcode, Optional.ofNullable(found.get(pcode))));
			}
		}

		Optional<Community> get(String pcode) {
			return this.known.computeIfAbsent(pcode, ThreeWExport.this.communities::findByPcode);
		}

	}

}
