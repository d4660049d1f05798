package io.dealledger.payment.facts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;

/**
 * Books {@code last_modified_time} values ({@code 2026-11-01T10:15:00+0530}): parsed to instants, ordered by
 * the instant they name, and written back in Books' format for list filters.
 */
public final class Revision {

    private static final DateTimeFormatter BOOKS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    /** Timestamps in time order; anything unparsable after them, as text. */
    public static final Comparator<String> ORDER = Comparator
            .comparing((String revision) -> parse(revision).isEmpty())
            .thenComparing(revision -> parse(revision).orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Comparator.naturalOrder());

    private Revision() {
    }

    public static Optional<Instant> parse(String revision) {
        if (revision == null) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : new DateTimeFormatter[] {BOOKS, DateTimeFormatter.ISO_OFFSET_DATE_TIME}) {
            try {
                return Optional.of(OffsetDateTime.parse(revision, format).toInstant());
            } catch (DateTimeParseException notThisFormat) {
                // try the next
            }
        }
        return Optional.empty();
    }

    /** An instant as Books writes it, in UTC, for the {@code last_modified_time} filter. */
    public static String format(Instant instant) {
        return BOOKS.format(instant.atOffset(ZoneOffset.UTC));
    }
}
