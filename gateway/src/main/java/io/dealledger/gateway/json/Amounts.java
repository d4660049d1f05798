package io.dealledger.gateway.json;

import java.math.BigDecimal;

import io.dealledger.gateway.problem.Refusal;

/** The rules every amount and currency passing through the gateway keeps, before it goes into an Avro decimal. */
public final class Amounts {

    /** Scale of every money decimal in the events: enough for 3-decimal currencies (BHD, KWD, ...). */
    public static final int MONEY_SCALE = 3;
    /** Digits before the point that fit the events' decimal(20, 3). */
    public static final int MONEY_INTEGER_DIGITS = 17;
    public static final int PERCENTAGE_SCALE = 4;

    private Amounts() {
    }

    /** {@code number} at exactly {@code scale}, refused when negative, too precise or too large. */
    public static BigDecimal checked(String field, BigDecimal number, int scale, int integerDigits) {
        if (number.signum() < 0) {
            throw Refusal.invalid(field, "must not be negative");
        }
        // Magnitude first: setScale on 1e999999999 would try to build a billion digits. In long arithmetic:
        // precision − scale of 1e2147483647 overflows an int and would pass as small.
        if (number.signum() != 0 && (long) number.precision() - number.scale() > integerDigits) {
            throw Refusal.invalid(field, "must have at most " + integerDigits + " digits before the decimal point");
        }
        BigDecimal stripped = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        if (stripped.scale() > scale) {
            throw Refusal.invalid(field, "must have at most " + scale + " decimals");
        }
        return stripped.setScale(scale);
    }

    /** An ISO 4217 code, upper case. */
    public static String currency(String field, String code) {
        if (!Fields.isCurrency(code)) {
            throw Refusal.invalid(field, "must be an ISO 4217 currency code, e.g. USD");
        }
        return code;
    }
}
