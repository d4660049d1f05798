package io.dealledger.invoice.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import io.dealledger.core.money.Money;
import org.junit.jupiter.api.Test;

class StageAmountTest {

    private final Money deal = Money.of("10000.01", "USD");

    @Test
    void aPercentageStageBillsItsShareRoundedToTheMinorUnit() {
        StageAmount deposit = new StageAmount.Percentage("Deposit 30%", new BigDecimal("30"));

        assertThat(deposit.of(deal)).isEqualTo(Money.of("3000.00", "USD"));
        assertThat(deposit.of(deal).atCurrencyDigits()).hasToString("3000.00");
        assertThat(new StageAmount.Percentage("a third", new BigDecimal("33.3333")).of(Money.of("1000", "JPY")))
                .isEqualTo(Money.of("333", "JPY"));
        assertThat(deposit.of(Money.of("10.005", "BHD"))).isEqualTo(Money.of("3.002", "BHD"));
    }

    @Test
    void theWholeDealAndFixedStagesBillTheirAmount() {
        assertThat(new StageAmount.WholeDeal().of(deal)).isEqualTo(deal);
        assertThat(new StageAmount.WholeDeal().label()).isNull();
        assertThat(new StageAmount.Fixed("Milestone 1", new BigDecimal("2500")).of(deal)).isEqualTo(Money.of("2500", "USD"));
        // a fixed amount finer than the currency is billed at its minor unit
        assertThat(new StageAmount.Fixed("Milestone 2", new BigDecimal("99.995")).of(deal).atCurrencyDigits())
                .hasToString("100.00");
    }
}
