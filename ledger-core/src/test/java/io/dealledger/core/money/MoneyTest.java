package io.dealledger.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsInOneCurrencyAddExactly() {
        // Given / When
        Money sum = Money.of("0.1", "USD").plus(Money.of("0.2", "USD"));
        // Then
        assertThat(sum).isEqualTo(Money.of("0.300", "USD"));
    }

    @Test
    void amountsInDifferentCurrenciesAreNeverCombined() {
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different currencies");
    }

    @Test
    void moreDecimalsThanAnyCurrencyHasAreRefused() {
        assertThatThrownBy(() -> Money.of("1.0001", "USD")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void anAmountRoundedToTheCurrencysMinorUnitIsWhatTheCurrencyWrites() {
        // Given a price times a quantity finer than any currency, in USD, JPY and BHD
        BigDecimal exact = new BigDecimal("1234.56789");
        // When rounded, Then half-up at 2, 0 and 3 digits, written as the currency writes it
        assertThat(Money.rounded(exact, Currency.getInstance("USD")).atCurrencyDigits()).hasToString("1234.57");
        assertThat(Money.rounded(exact, Currency.getInstance("JPY")).atCurrencyDigits()).hasToString("1235");
        assertThat(Money.rounded(exact, Currency.getInstance("BHD")).atCurrencyDigits()).hasToString("1234.568");
        // and a code without a minor unit is written with two
        assertThat(Money.rounded(exact, Currency.getInstance("XXX")).atCurrencyDigits()).hasToString("1234.57");
    }

    @Test
    void aPercentOfAnAmountIsRoundedHalfUpToTheMinorUnit() {
        // Given 333.33 USD; When 7.25 % of it is taken (24.166425), Then 24.17 USD
        assertThat(Money.of("333.33", "USD").percent(new BigDecimal("7.25"))).isEqualTo(Money.of("24.17", "USD"));
        // and 30 % of 1001 JPY is 300 JPY (300.3, rounded to the yen)
        assertThat(Money.of("1001", "JPY").percent(new BigDecimal("30")).atCurrencyDigits()).hasToString("300");
    }

    @Test
    void aSumIsExactAndRefusesAnAmountInAnotherCurrency() {
        Currency usd = Currency.getInstance("USD");
        assertThat(Money.sum(List.of(Money.of("0.10", "USD"), Money.of("0.20", "USD"), Money.of("0.005", "USD")), usd))
                .isEqualTo(Money.of("0.305", "USD"));
        assertThat(Money.sum(List.of(), usd)).isEqualTo(Money.zero(usd));
        assertThatThrownBy(() -> Money.sum(List.of(Money.of("1", "EUR")), usd))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different currencies");
    }
}
