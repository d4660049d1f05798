package io.dealledger.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
