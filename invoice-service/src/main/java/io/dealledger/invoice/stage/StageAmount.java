package io.dealledger.invoice.stage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much of a deal one invoice bills: the whole deal, a percentage of it, or a fixed amount. Amounts
 * are rounded half-up to the currency's minor unit.
 */
public sealed interface StageAmount {

    /** The amount to invoice out of {@code dealValue}, with {@code fractionDigits} decimals. */
    BigDecimal of(BigDecimal dealValue, int fractionDigits);

    /** A line on the invoice naming the stage, or null for the whole deal. */
    String label();

    record WholeDeal() implements StageAmount {
        @Override
        public BigDecimal of(BigDecimal dealValue, int fractionDigits) {
            return dealValue.setScale(fractionDigits, RoundingMode.HALF_UP);
        }

        @Override
        public String label() {
            return null;
        }
    }

    record Percentage(String label, BigDecimal percent) implements StageAmount {
        @Override
        public BigDecimal of(BigDecimal dealValue, int fractionDigits) {
            return dealValue.multiply(percent).divide(BigDecimal.valueOf(100), fractionDigits, RoundingMode.HALF_UP);
        }
    }

    record Fixed(String label, BigDecimal amount) implements StageAmount {
        @Override
        public BigDecimal of(BigDecimal dealValue, int fractionDigits) {
            return amount.setScale(fractionDigits, RoundingMode.HALF_UP);
        }
    }
}
