package org.hromada.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Report settings ({@code hromada.report.*}).
 *
 * @param exportLinkValidity how long a 3W download link works (it also works only once)
 * @param volunteerNetworkName the organisation name the 3W export gives to responses by
 * Hromada's volunteers, which no partner organisation carries out
 */
@ConfigurationProperties("hromada.report")
record ReportSettings(@DefaultValue("5m") Duration exportLinkValidity,
		@DefaultValue("Hromada volunteer network") String volunteerNetworkName) {

}
