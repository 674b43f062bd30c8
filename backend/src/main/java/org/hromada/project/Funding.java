package org.hromada.project;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.hromada.graphql.Money;

/**
 * The money arithmetic of a project, in whole minor units per currency, never across
 * currencies. A project holds at most {@value #MAX_ENTRIES} entries of at most
 * {@link Money#MAX_AMOUNT_MINOR} each, so no sum exceeds 10^18 and a long never
 * overflows; the sums use exact arithmetic all the same.
 */
final class Funding {

	/** Most funding entries one project holds. */
	static final int MAX_ENTRIES = 1_000;

	/** Most budget currencies of one project. */
	static final int MAX_BUDGET_CURRENCIES = 10;

	/**
	 * Most currencies of one project's money, budget and funding together: the bound of
	 * its fundingTotals list.
	 */
	static final int MAX_CURRENCIES = 20;

	private Funding() {
	}

	/**
	 * Totals per currency, ordered by currency code: every currency of the budget or of
	 * an entry. The gap is budget minus commitments, at least 0, for budget currencies
	 * only.
	 */
	static List<FundingTotals> totals(List<Money> budget, List<FundingEntry> entries) {
		Map<String, long[]> sums = new TreeMap<>();
		for (Money money : budget) {
			long[] sum = sums.computeIfAbsent(money.currency(), currency -> new long[3]);
			sum[0] = Math.addExact(sum[0], money.amountMinor());
		}
		for (FundingEntry entry : entries) {
			long[] sum = sums.computeIfAbsent(entry.amount().currency(), currency -> new long[3]);
			int slot = (entry.kind() == FundingKind.COMMITMENT) ? 1 : 2;
			sum[slot] = Math.addExact(sum[slot], entry.amount().amountMinor());
		}
		List<String> budgeted = budget.stream().map(Money::currency).toList();
		List<FundingTotals> totals = new ArrayList<>();
		sums.forEach((currency, sum) -> totals.add(new FundingTotals(currency, sum[0], sum[1], sum[2],
				budgeted.contains(currency) ? Math.max(0, sum[0] - sum[1]) : null)));
		return totals;
	}

	/** Whether money in these currencies stays within {@link #MAX_CURRENCIES}. */
	static boolean withinCurrencies(List<Money> budget, List<FundingEntry> entries) {
		Set<String> currencies = new HashSet<>();
		budget.forEach(money -> currencies.add(money.currency()));
		entries.forEach(entry -> currencies.add(entry.amount().currency()));
		return currencies.size() <= MAX_CURRENCIES;
	}

	/** The gaps of the budget currencies, for the "gap above" filter. */
	static List<FundingGap> gaps(List<FundingTotals> totals) {
		return totals.stream()
			.filter(total -> total.gapMinor() != null)
			.map(total -> new FundingGap(total.currency(), total.gapMinor()))
			.toList();
	}

}
