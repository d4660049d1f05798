package io.dealledger.invoice.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class StageAmountTest {

    private final BigDecimal deal = new BigDecimal("10000.01");

    @Test
    void aPercentageStageBillsItsShareRoundedToTheMinorUnit() {
        StageAmount deposit = new StageAmount.Percentage("Deposit 30%", new BigDecimal("30"));

        assertThat(deposit.of(deal, 2)).isEqualByComparingTo("3000.00");
        assertThat(deposit.of(deal, 2).scale()).isEqualTo(2);
        assertThat(new StageAmount.Percentage("a third", new BigDecimal("33.3333")).of(new BigDecimal("1000"), 0))
                .isEqualByComparingTo("333");
        assertThat(deposit.of(new BigDecimal("10.005"), 3)).isEqualByComparingTo("3.002");
    }

    @Test
    void theWholeDealAndFixedStagesBillTheirAmount() {
        assertThat(new StageAmount.WholeDeal().of(deal, 2)).isEqualByComparingTo("10000.01");
        assertThat(new StageAmount.WholeDeal().label()).isNull();
        assertThat(new StageAmount.Fixed("Milestone 1", new BigDecimal("2500")).of(deal, 2)).isEqualByComparingTo("2500.00");
    }
}
