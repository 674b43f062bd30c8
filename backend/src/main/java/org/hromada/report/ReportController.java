package org.hromada.report;

import org.hromada.security.Access;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Dashboards and the 3W export link. */
@Controller
class ReportController {

	private final ReportAreas areas;

	private final ReportService reports;

	private final ExportTickets tickets;

	ReportController(ReportAreas areas, ReportService reports, ExportTickets tickets) {
		this.areas = areas;
		this.reports = reports;
		this.tickets = tickets;
	}

	@QueryMapping
	StatusReport communityStatus(@Argument String communityId, Access access) {
		return this.reports.status(this.areas.ofCommunity(communityId, access));
	}

	@QueryMapping
	StatusReport statusOverview(@Argument StatusFilter filter, Access access) {
		return this.reports.status(this.areas.of(filter, access));
	}

	@QueryMapping
	ThreeWExportLink threeWExport(@Argument StatusFilter filter, Access access) {
		return this.tickets.issue(this.areas.of(filter, access), access.caller());
	}

}
