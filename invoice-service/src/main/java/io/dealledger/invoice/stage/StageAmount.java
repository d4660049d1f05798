package io.dealledger.invoice.stage;

import java.math.BigDecimal;

import io.dealledger.core.money.Money;

/**
 * How much of a deal one invoice bills: the whole deal, a percentage of it, or a fixed amount, in the deal's
 * currency, rounded half-up to its minor unit.
 */
public sealed interface StageAmount {

    /** The amount to invoice out of {@code dealValue}. */
    Money of(Money dealValue);

    /** A line on the invoice naming the stage, or null for the whole deal. */
    String label();

    record WholeDeal() implements StageAmount {
        @Override
        public Money of(Money dealValue) {
            return dealValue;
        }

        @Override
        public String label() {
            return null;
        }
    }

    record Percentage(String label, BigDecimal percent) implements StageAmount {
        @Override
        public Money of(Money dealValue) {
            return dealValue.percent(percent);
        }
    }

    /** {@code amount} in the deal's currency (a stage asked in another one is refused before it is billed). */
    record Fixed(String label, BigDecimal amount) implements StageAmount {
        @Override
        public Money of(Money dealValue) {
            return Money.rounded(amount, dealValue.currency());
        }
    }
}
