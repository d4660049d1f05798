package io.dealledger.emulator.books.org;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.reset.Resettable;

/**
 * Deterministic Books ids and document numbers: the same sequence of calls after a reset yields the same
 * ids, so the default data set has fixed ids other tests can name. Ids are numeric strings, unique across
 * organizations, as Zoho's are.
 */
@Component
public class BooksIds implements Resettable {

    public enum Kind {
        CONTACT(460000000001000L), ITEM(460000000002000L), INVOICE(460000000003000L), PAYMENT(460000000004000L),
        CREDIT_NOTE(460000000005000L), TAX(460000000006000L), TAX_AUTHORITY(460000000007000L),
        REFUND(460000000008000L), APPLICATION(460000000009000L), LINE_ITEM(460000000010000L),
        WEBHOOK(460000000011000L), CONTACT_PERSON(460000000012000L);

        private final long base;

        Kind(long base) {
            this.base = base;
        }
    }

    private final Map<Kind, Long> counters = new EnumMap<>(Kind.class);
    private final Map<String, Long> numbers = new HashMap<>();

    public synchronized String next(Kind kind) {
        long n = counters.merge(kind, 1L, Long::sum);
        return Long.toString(kind.base + n);
    }

    /** The next document number of an org, e.g. {@code INV-000001}, {@code CN-00001}. */
    public synchronized String nextNumber(String organizationId, String prefix, int digits) {
        long n = numbers.merge(organizationId + "/" + prefix, 1L, Long::sum);
        return prefix + String.format("%0" + digits + "d", n);
    }

    @Override
    public synchronized void reset() {
        counters.clear();
        numbers.clear();
    }
}
