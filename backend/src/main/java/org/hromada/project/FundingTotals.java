package org.hromada.project;

/**
 * The money of one currency on a project, derived from its budget and funding entries.
 *
 * @param currency ISO 4217 code
 * @param budgetMinor budget in this currency, 0 when the budget has none in it
 * @param committedMinor sum of the commitments
 * @param disbursedMinor sum of the disbursements
 * @param gapMinor budget minus commitments, at least 0; null when the budget has no
 * amount in this currency
 */
record FundingTotals(String currency, long budgetMinor, long committedMinor, long disbursedMinor, Long gapMinor) {

}
