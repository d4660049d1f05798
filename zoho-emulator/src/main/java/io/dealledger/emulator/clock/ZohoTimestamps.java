package io.dealledger.emulator.clock;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Zoho's two timestamp spellings: Books {@code 2013-11-18T02:17:40-0800}, CRM {@code 2021-05-02T11:17:33+05:30}. */
public final class ZohoTimestamps {

    private static final DateTimeFormatter BOOKS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    private static final DateTimeFormatter CRM = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private ZohoTimestamps() {
    }

    public static String books(Instant instant, ZoneId zone) {
        return BOOKS.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    public static String crm(Instant instant) {
        return CRM.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.of("UTC")).toOffsetDateTime());
    }
}
