package io.dealledger.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one currency. Amounts are kept at scale 3 (enough for every ISO 4217 currency), so two
 * equal amounts are {@code equals}; arithmetic across currencies throws, it never converts.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public static final int SCALE = 3;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * {@code amount} rounded half-up to the currency's minor unit (a price times a quantity, a deal's CRM Amount):
     * what Books bills for it, as it rounds each line's {@code item_total}.
     */
    public static Money rounded(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(digits(currency), RoundingMode.HALF_UP), currency);
    }

    /** The sum of {@code amounts}, all in {@code currency}: zero for none. */
    public static Money sum(Collection<Money> amounts, Currency currency) {
        Money sum = zero(currency);
        for (Money amount : amounts) {
            sum = sum.plus(amount);
        }
        return sum;
    }

    /** {@code percent} percent of this amount, rounded half-up to the currency's minor unit (a tax, a deposit). */
    public Money percent(BigDecimal percent) {
        return new Money(amount.multiply(percent).divide(BigDecimal.valueOf(100), digits(currency), RoundingMode.HALF_UP),
                currency);
    }

    /** The amount as the currency writes it: 3000.00 USD, 3000 JPY, 3000.000 BHD (rounded half-up if finer). */
    public BigDecimal atCurrencyDigits() {
        return amount.setScale(digits(currency), RoundingMode.HALF_UP);
    }

    /** The currency's minor unit: 2 for USD, 0 for JPY, 3 for BHD; 2 for a code without one (XXX). */
    public static int digits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? 2 : Math.min(digits, SCALE);
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public String code() {
        return currency.getCurrencyCode();
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + this + " with " + other
                    + ": amounts in different currencies are never summed");
        }
        return other;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
