package io.dealledger.ledger.writeback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;

/**
 * The CRM fields dealledger owns on the records of one module (Deals, Accounts), and their values for one published
 * view. The write-back is the same for every module (coalesce, diff, batch, retry); only this mapping differs.
 *
 * @param <E> the published view (DealLedger, AccountLedger)
 */
public interface CrmRecordFields<E> {

    /** The CRM module's API name. */
    String module();

    /** The CRM record the view is written to. */
    String recordId(E view);

    /** When the change behind the view happened (write-back latency runs from it). */
    Instant occurredAt(E view);

    /** The fields for {@code view}, in a stable order, by API name; null clears a field. */
    Map<String, Object> valuesOf(E view);

    /** Whether two values of a field are the same for CRM: amounts by value (650.00 = 650), the rest by equality. */
    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(blankToNull(a), blankToNull(b));
    }

    /** An amount as CRM shows it: at the currency's decimals (JPY 650, USD 650.00), a JSON number on the wire. */
    static BigDecimal amount(BigDecimal value, Currency currency) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        return value == null ? null : value.setScale(digits, RoundingMode.HALF_UP);
    }

    /**
     * Refuses a configuration that leaves a field unnamed or names one CRM field twice (two figures would overwrite
     * each other): {@code names} maps each property key under {@code prefix} to the configured API name.
     */
    static void requireDistinct(String prefix, String module, Map<String, String> names) {
        names.forEach((key, name) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(prefix + "." + key + " must name a CRM " + module + " field");
            }
        });
        if (names.values().stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException(prefix + " must name " + names.size() + " different CRM " + module
                    + " fields, were " + names.values());
        }
    }

    private static Object blankToNull(Object value) {
        return value instanceof String text && text.isEmpty() ? null : value;
    }
}
