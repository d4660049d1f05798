package io.dealledger.ledger.invoice;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Orders invoice revisions (Books {@code last_modified_time}, e.g. {@code 2026-11-01T10:15:00+0530}) by the instant
 * they name; revisions that are not timestamps compare as text, after every timestamp.
 */
final class Revisions {

    private static final List<DateTimeFormatter> FORMATS = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ"), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));

    static final Comparator<String> ORDER = Comparator
            .comparing((String revision) -> parse(revision).isEmpty())
            .thenComparing(revision -> parse(revision).map(OffsetDateTime::toInstant).orElse(null),
                    Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Comparator.naturalOrder());

    private Revisions() {
    }

    static Optional<OffsetDateTime> parse(String revision) {
        for (DateTimeFormatter format : FORMATS) {
            try {
                return Optional.of(OffsetDateTime.parse(revision, format));
            } catch (DateTimeParseException notThisFormat) {
                // try the next
            }
        }
        return Optional.empty();
    }
}
