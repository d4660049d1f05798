package io.dealledger.zoho.limits;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import io.dealledger.zoho.http.ZohoApiException;
import io.dealledger.zoho.http.ZohoService;

/**
 * No more Books calls for this organization today: Zoho answered 429 code 45 (the plan's daily cap), or the
 * deployment's own allowance for the day is spent. Nothing is gained by retrying before {@link #resumesAt()},
 * midnight in the organization's time zone; whatever can wait is parked until then.
 */
public class BooksDailyLimitException extends ZohoApiException {

    private final String organizationId;
    private final Instant resumesAt;
    private final ZoneId zone;
    private final String zoneLabel;
    private final boolean answeredByZoho;

    /**
     * @param zoneLabel the time zone as Books names it ({@code time_zone}, e.g. PST), for people
     * @param why       what said so: Zoho's message, or the allowance that is spent
     * @param answeredByZoho whether Zoho answered 45 (true) or the call was held back without being sent
     */
    public BooksDailyLimitException(String organizationId, String endpoint, Instant resumesAt, ZoneId zone,
                                    String zoneLabel, String why, boolean answeredByZoho) {
        super(ZohoService.BOOKS, endpoint, 429, "45", why, null, false, null);
        this.answeredByZoho = answeredByZoho;
        this.organizationId = organizationId;
        this.resumesAt = resumesAt;
        this.zone = zone;
        this.zoneLabel = zoneLabel;
    }

    public String organizationId() {
        return organizationId;
    }

    /** When the organization's Books day starts again. */
    public Instant resumesAt() {
        return resumesAt;
    }

    /** Whether Zoho said so (false: the call was held back, nothing was sent). */
    public boolean answeredByZoho() {
        return answeredByZoho;
    }

    public ZoneId zone() {
        return zone;
    }

    /** How a person reads it, e.g. "Books daily API limit reached; will be retried after 00:00 PST (2026-12-03)". */
    public String forPeople() {
        ZonedDateTime at = resumesAt.atZone(zone);
        return "Books daily API limit reached; will be retried after " + at.format(DateTimeFormatter.ofPattern("HH:mm"))
                + " " + zoneLabel + " (" + at.toLocalDate() + ")";
    }
}
