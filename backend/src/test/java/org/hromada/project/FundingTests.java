package org.hromada.project;

import java.time.Instant;
import java.util.List;

import org.hromada.graphql.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FundingTests {

	private static FundingEntry entry(FundingKind kind, long amount, String currency) {
		return new FundingEntry("e", "org", kind, new Money(amount, currency), Instant.EPOCH, null, "u", Instant.EPOCH,
				"c");
	}

	@Test
	void totalsArePerCurrencyAndNeverMixed() {
		List<FundingTotals> totals = Funding.totals(List.of(new Money(1000L, "UAH"), new Money(500L, "EUR")),
				List.of(entry(FundingKind.COMMITMENT, 300, "UAH"), entry(FundingKind.COMMITMENT, 200, "UAH"),
						entry(FundingKind.DISBURSEMENT, 100, "UAH"), entry(FundingKind.COMMITMENT, 700, "EUR"),
						entry(FundingKind.COMMITMENT, 40, "USD")));
		assertThat(totals).containsExactly(new FundingTotals("EUR", 500, 700, 0, 0L),
				new FundingTotals("UAH", 1000, 500, 100, 500L), new FundingTotals("USD", 0, 40, 0, null));
		assertThat(Funding.gaps(totals)).containsExactly(new FundingGap("EUR", 0), new FundingGap("UAH", 500));
	}

	@Test
	void theLargestPossibleTotalsFitInALong() {
		List<FundingEntry> entries = java.util.stream.IntStream.range(0, Funding.MAX_ENTRIES)
			.mapToObj(i -> entry(FundingKind.COMMITMENT, Money.MAX_AMOUNT_MINOR, "UAH"))
			.toList();
		assertThat(Funding.totals(List.of(), entries).get(0).committedMinor())
			.isEqualTo(Funding.MAX_ENTRIES * Money.MAX_AMOUNT_MINOR);
	}

	@Test
	void moneyInputProblemsNameTheField() {
		assertThat(new Money(0L, "UAH").problems("input")).singleElement()
			.satisfies(error -> assertThat(error.path()).containsExactly("input", "amountMinor"));
		assertThat(new Money(Money.MAX_AMOUNT_MINOR + 1, "UAH").problems()).hasSize(1);
		assertThat(new Money(-5L, "XYZ").problems()).hasSize(2);
		assertThat(new Money(5L, "uah").problems()).hasSize(1);
		assertThat(new Money(Money.MAX_AMOUNT_MINOR, "EUR").problems()).isEmpty();
	}

}
