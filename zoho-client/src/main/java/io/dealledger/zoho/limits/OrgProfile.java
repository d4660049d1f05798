package io.dealledger.zoho.limits;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What the daily budget needs to know of a Books organization: the time zone its day runs in and its plan's
 * daily cap. Both come from Books' organization object ({@code time_zone}, e.g. "PST", and {@code plan_name},
 * e.g. "PROFESSIONAL": Zoho Inventory OAS organizations.yml, api-evangelist/zoho-inventory@b973d81), unless
 * configured per organization.
 *
 * @param zone      the zone the organization's day runs in
 * @param zoneLabel the zone as Books names it, for messages
 * @param dailyCap  calls per day the plan allows
 * @param known     whether Books said it (false: the safe defaults below)
 */
public record OrgProfile(ZoneId zone, String zoneLabel, int dailyCap, boolean known) {

    /**
     * Daily caps per plan (zoho-api.md §3, PARTIALLY CONFIRMED). A plan this table does not name gets the
     * smallest cap: spending too little is safe, getting the customer's organization blocked for the day is not.
     */
    static final Map<String, Integer> DAILY_CAP_BY_PLAN = Map.of("FREE", 1000, "STANDARD", 2000,
            "PROFESSIONAL", 5000, "PREMIUM", 10000, "ELITE", 10000, "ULTIMATE", 10000);
    public static final int SMALLEST_DAILY_CAP = 1000;

    /** Nothing known: UTC days and the smallest plan's cap. */
    public static final OrgProfile UNKNOWN = new OrgProfile(ZoneOffset.UTC, "UTC", SMALLEST_DAILY_CAP, false);

    /** The profile Books' {@code time_zone} and {@code plan_name} describe; unknown values fall back safely. */
    public static OrgProfile of(String timeZone, String planName) {
        ZoneId zone = zone(timeZone);
        return new OrgProfile(zone == null ? ZoneOffset.UTC : zone, zone == null ? "UTC" : timeZone.trim(),
                dailyCap(planName).orElse(SMALLEST_DAILY_CAP), true);
    }

    /** Configuration overrides what Books said: a time zone id and/or a daily cap. */
    public OrgProfile overriddenBy(String timeZone, Integer cap) {
        ZoneId configured = zone(timeZone);
        return new OrgProfile(configured == null ? zone : configured, configured == null ? zoneLabel : timeZone.trim(),
                cap == null ? dailyCap : cap, known);
    }

    static OptionalInt dailyCap(String planName) {
        if (planName == null) {
            return OptionalInt.empty();
        }
        String plan = planName.trim().toUpperCase(Locale.ROOT);
        for (Map.Entry<String, Integer> entry : DAILY_CAP_BY_PLAN.entrySet()) {
            if (plan.equals(entry.getKey()) || plan.startsWith(entry.getKey() + "_") || plan.startsWith(entry.getKey() + " ")) {
                return OptionalInt.of(entry.getValue());
            }
        }
        return OptionalInt.empty();
    }

    /** Books sends short names ("PST") in its docs' examples and region ids ("Asia/Calcutta") elsewhere. */
    static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(timeZone.trim(), ZoneId.SHORT_IDS);
        } catch (DateTimeException unknown) {
            return null;
        }
    }
}
