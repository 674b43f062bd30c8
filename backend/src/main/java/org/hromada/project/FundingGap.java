package org.hromada.project;

/**
 * The funding gap of one budget currency, stored apart from the totals so that "gap
 * above" filters are one indexed $elemMatch.
 *
 * @param currency ISO 4217 code
 * @param amountMinor budget minus commitments, at least 0
 */
record FundingGap(String currency, long amountMinor) {

}
