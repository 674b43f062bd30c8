package org.hromada.report;

/**
 * The columns of the 3W export: a header people read, and the HXL hashtag of the second
 * header row that humanitarian tools (HDX, the HXL Proxy, cluster dashboards) read.
 */
enum ThreeWColumn {

	ORGANISATION("Organisation", "#org+name"), IMPLEMENTING("Implementing partner", "#org+impl+name"),
	FUNDER("Funder", "#org+funder+name"), SECTOR("Sector (cluster code)", "#sector+cluster+code"),
	ADM1_CODE("Oblast P-code", "#adm1+code"), ADM1_NAME("Oblast", "#adm1+name"),
	ADM2_CODE("Raion P-code", "#adm2+code"), ADM3_CODE("Hromada P-code", "#adm3+code"),
	ADM3_NAME("Hromada", "#adm3+name"), ACTIVITY("Activity code", "#activity+project+code"),
	STATUS("Status", "#status+name"), START("Start date", "#date+start"), END("End date", "#date+end"),
	REACHED("People reached", "#reached+ind"), TARGETED("People targeted", "#targeted+ind"),
	BUDGET("Budget", "#value+budget"), CURRENCY("Currency", "#currency");

	private final String header;

	private final String hashtag;

	ThreeWColumn(String header, String hashtag) {
		this.header = header;
		this.hashtag = hashtag;
	}

	String header() {
		return this.header;
	}

	String hashtag() {
		return this.hashtag;
	}

}
