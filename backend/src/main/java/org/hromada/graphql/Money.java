package org.hromada.graphql;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An amount of money in one currency: a whole number of the currency's minor unit (never
 * floating point) and an ISO 4217 code. Amounts in different currencies are never added
 * together.
 *
 * @param amountMinor amount in minor units (kopiyky, cents)
 * @param currency ISO 4217 code, for example UAH
 */
public record Money(Long amountMinor, String currency) {

	/**
	 * Largest amount of one entry: 10^15 minor units (10 trillion in a currency of 100
	 * minor units). Bounded so that sums of a bounded number of entries never overflow a
	 * long.
	 */
	public static final long MAX_AMOUNT_MINOR = 1_000_000_000_000_000L;

	private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies()
		.stream()
		.map(Currency::getCurrencyCode)
		.collect(Collectors.toUnmodifiableSet());

	/** Whether the code is an ISO 4217 currency code the JDK knows. */
	public static boolean isCurrency(String code) {
		return code != null && CURRENCIES.contains(code);
	}

	/**
	 * What is wrong with this amount as input: not more than 0, over
	 * {@link #MAX_AMOUNT_MINOR}, or an unknown currency; each under the given path.
	 */
	public List<UserError> problems(String... path) {
		List<UserError> errors = new ArrayList<>();
		if (this.amountMinor == null || this.amountMinor <= 0 || this.amountMinor > MAX_AMOUNT_MINOR) {
			errors.add(UserError.of(UserErrorCode.INVALID,
					"amountMinor must be more than 0 and at most " + MAX_AMOUNT_MINOR + " minor units", "amountMinor")
				.under(path));
		}
		if (!isCurrency(this.currency)) {
			errors.add(UserError
				.of(UserErrorCode.INVALID, "currency must be an ISO 4217 code such as UAH, EUR or USD", "currency")
				.under(path));
		}
		return errors;
	}

}
