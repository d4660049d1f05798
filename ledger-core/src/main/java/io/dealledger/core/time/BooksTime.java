package io.dealledger.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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
        Instant usual = usual(timestamp);
        return usual != null ? Optional.of(usual) : parsed(timestamp);
    }

    /** Through the formatters: the reference, and the only path for anything {@link #usual} leaves alone. */
    static Optional<Instant> parsed(String timestamp) {
        for (DateTimeFormatter format : FORMATS) {
            try {
                return Optional.of(OffsetDateTime.parse(timestamp.trim(), format).toInstant());
            } catch (DateTimeParseException notThisFormat) {
                // try the next
            }
        }
        return Optional.empty();
    }

    /**
     * Books' own two forms ({@code 2016-06-11T17:38:06-0700}, {@code …06.250-0700}) read without the formatters,
     * which cost most of a webhook's normalization and of a revision comparison. Only well-formed values within every
     * field's plain range are read here; anything else (a day past the month's end, hour 24, a colon in the offset)
     * returns null and goes through the formatters, so the answer is theirs whatever the input.
     */
    static Instant usual(String timestamp) {
        int length = timestamp.length();
        if (length != 24 && length != 28) {
            return null;
        }
        boolean millis = length == 28;
        int zone = millis ? 23 : 19;
        if (timestamp.charAt(4) != '-' || timestamp.charAt(7) != '-' || timestamp.charAt(10) != 'T'
                || timestamp.charAt(13) != ':' || timestamp.charAt(16) != ':' || (millis && timestamp.charAt(19) != '.')) {
            return null;
        }
        char sign = timestamp.charAt(zone);
        int year = digits(timestamp, 0, 4);
        int month = digits(timestamp, 5, 2);
        int day = digits(timestamp, 8, 2);
        int hour = digits(timestamp, 11, 2);
        int minute = digits(timestamp, 14, 2);
        int second = digits(timestamp, 17, 2);
        int milli = millis ? digits(timestamp, 20, 3) : 0;
        int offsetHours = digits(timestamp, zone + 1, 2);
        int offsetMinutes = digits(timestamp, zone + 3, 2);
        if ((sign != '+' && sign != '-') || year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59
                || second > 59 || milli < 0 || offsetHours > 17 || offsetMinutes > 59
                || (year | hour | minute | second | offsetHours | offsetMinutes) < 0
                || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        int offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (sign == '-' ? -1 : 1);
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400
                + hour * 3600 + minute * 60 + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, milli * 1_000_000L);
    }

    /** The decimal number in {@code count} ASCII digits from {@code from}; -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** An instant as Books writes it, in UTC, e.g. for the {@code last_modified_time} list filter. */
    public static String format(Instant instant) {
        return BOOKS.format(instant.atOffset(ZoneOffset.UTC));
    }
}
