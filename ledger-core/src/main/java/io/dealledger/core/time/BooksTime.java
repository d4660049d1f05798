package io.dealledger.core.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Books' timestamps ({@code last_modified_time}, {@code created_time}), the one parser of them in the project.
 * Books writes them with an offset without a colon ({@code 2016-06-11T17:38:06-0700}, zoho-api.md §2.3), some
 * answers with milliseconds ({@code 2026-11-01T10:15:00.123+0530}), ISO 8601 with a colon is accepted too. A revision
 * is such a timestamp naming a version of a record: revisions are ordered by the instant they name, and a revision
 * that is not a timestamp sorts after every timestamp, as text.
 */
public final class BooksTime {

    private static final DateTimeFormatter BOOKS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    private static final List<DateTimeFormatter> FORMATS = List.of(BOOKS,
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"), DateTimeFormatter.ISO_OFFSET_DATE_TIME);

    /** Revisions in time order; anything unparsable after them, as text; null first. */
    public static final Comparator<String> ORDER = Comparator.nullsFirst(Comparator
            .comparing((String revision) -> parse(revision).isEmpty())
            .thenComparing(revision -> parse(revision).orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Comparator.naturalOrder()));

    private BooksTime() {
    }

    /** The instant a Books timestamp names; empty for null or anything else. */
    public static Optional<Instant> parse(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : FORMATS) {
            try {
                return Optional.of(OffsetDateTime.parse(timestamp.trim(), format).toInstant());
            } catch (DateTimeParseException notThisFormat) {
                // try the next
            }
        }
        return Optional.empty();
    }

    /** An instant as Books writes it, in UTC, e.g. for the {@code last_modified_time} list filter. */
    public static String format(Instant instant) {
        return BOOKS.format(instant.atOffset(ZoneOffset.UTC));
    }
}
