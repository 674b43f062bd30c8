package org.hromada.report;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.hromada.aid.AidRequestStatistics;
import org.hromada.aid.NeedResponse;
import org.hromada.community.Community;
import org.hromada.community.CommunityService;

import org.springframework.stereotype.Component;

/**
 * Writes the 3W export (who does what, where) of an area as CSV: a header row, the HXL
 * hashtag row, then one row per organisation, sector, community and activity. Rows come
 * from store cursors one at a time, so memory use does not grow with the export.
 *
 * <p>
 * Activities are the responses to needs by Hromada's volunteers (one row per need someone
 * was assigned to, under the configured network name).
 */
@Component
class ThreeWExport {

	/** How a suppressed figure reads in the CSV: "fewer than five", never 0. */
	static final String SUPPRESSED = "<" + SmallCounts.THRESHOLD;

	private final AidRequestStatistics needs;

	private final CommunityService communities;

	private final ReportSettings settings;

	ThreeWExport(AidRequestStatistics needs, CommunityService communities, ReportSettings settings) {
		this.needs = needs;
		this.communities = communities;
		this.settings = settings;
	}

	/** Writes the export and returns the number of data rows. */
	long write(ReportArea area, Writer out) throws IOException {
		CsvWriter csv = new CsvWriter(out);
		csv.row(Arrays.stream(ThreeWColumn.values()).map(ThreeWColumn::header).toList());
		csv.row(Arrays.stream(ThreeWColumn.values()).map(ThreeWColumn::hashtag).toList());
		SmallCounts figures = SmallCounts.forArea(area);
		CommunityCache places = new CommunityCache();
		long rows = 0;
		try (Stream<NeedResponse> responses = this.needs.responses(area.needScope())) {
			for (NeedResponse response : (Iterable<NeedResponse>) responses::iterator) {
				csv.row(needRow(response, places.get(response.communityPcode()), figures).fields());
				rows++;
			}
		}
		return rows;
	}

	private ThreeWRow needRow(NeedResponse response, Optional<Community> community, SmallCounts figures) {
		String network = this.settings.volunteerNetworkName();
		ThreeWRow row = new ThreeWRow().set(ThreeWColumn.ORGANISATION, network)
			.set(ThreeWColumn.IMPLEMENTING, network)
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
		community.ifPresent(place -> row.set(ThreeWColumn.ADM1_CODE, place.adm1().pcode())
			.set(ThreeWColumn.ADM1_NAME, place.adm1().name().en())
			.set(ThreeWColumn.ADM2_CODE, place.adm2().pcode())
			.set(ThreeWColumn.ADM3_NAME, place.name().en()));
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
	 * Communities met during one export, each looked up once: a country has a few
	 * thousand at most.
	 */
	private final class CommunityCache {

		private final Map<String, Optional<Community>> known = new HashMap<>();

		Optional<Community> get(String pcode) {
			return this.known.computeIfAbsent(pcode, ThreeWExport.this.communities::findByPcode);
		}

	}

}
