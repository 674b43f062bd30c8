package org.hromada.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import org.hromada.activity.ActivityService;
import org.hromada.security.Caller;
import org.hromada.security.Callers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of the 3W export: redeems the one-time ticket from the threeWExport query and
 * streams the CSV (UTF-8 with a byte order mark, so spreadsheets read Cyrillic names
 * right). Each download is recorded in the activity log: who, which area, how many rows.
 */
@RestController
class ThreeWExportController {

	static final String PATH = "/exports/3w.csv";

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
		.withZone(ZoneOffset.UTC);

	private final ExportTickets tickets;

	private final ThreeWExport export;

	private final ActivityService activities;

	private final Clock clock;

	ThreeWExportController(ExportTickets tickets, ThreeWExport export, ActivityService activities, Clock clock) {
		this.tickets = tickets;
		this.export = export;
		this.activities = activities;
		this.clock = clock;
	}

	@GetMapping(PATH)
	void download(@RequestParam(required = false) String ticket, @AuthenticationPrincipal Jwt token,
			HttpServletResponse response) throws IOException {
		Caller caller = Callers.from(token);
		ExportTicketDocument prepared = this.tickets.redeem(ticket, caller).orElse(null);
		if (prepared == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter()
				.write("{\"error\":\"This export link is unknown, expired, already used or issued to someone else; "
						+ "request a new one with the threeWExport query\"}");
			return;
		}
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"hromada-3w-" + FILE_TIME.format(this.clock.instant()) + ".csv\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		long rows = 0;
		boolean complete = false;
		try {
			Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
					64 * 1024);
			out.write('\uFEFF');
			rows = this.export.write(prepared.area(), out);
			out.flush();
			complete = true;
		}
		finally {
			this.activities.record(caller, "report.exported", "ThreeWExport", prepared.id(), null,
					summary(prepared, rows, complete));
		}
	}

	private static String summary(ExportTicketDocument prepared, long rows, boolean complete) {
		ReportArea area = prepared.area();
		String communities = (area.communityPcodes() == null) ? "all communities"
				: (area.communityPcodes().size() <= 5)
						? "communities " + String.join(", ", new TreeSet<>(area.communityPcodes()))
						: area.communityPcodes().size() + " communities";
		String sectors = area.sectors().isEmpty() ? "all sectors" : "sectors " + new TreeSet<>(area.sectors());
		String period = ((area.from() != null) ? area.from().toString() : "start") + " to "
				+ ((area.to() != null) ? area.to().toString() : "now");
		return "3W export of " + communities + ", " + sectors + ", logged " + period + ": " + rows + " rows"
				+ (complete ? "" : " (interrupted)") + (area.suppressSmallCounts() ? ", small counts suppressed" : "");
	}

}
