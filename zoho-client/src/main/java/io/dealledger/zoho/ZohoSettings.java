package io.dealledger.zoho;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where Zoho is and how carefully to use it. Base URLs come from configuration (docs/architecture.md §6): the data
 * centre decides them ({@code accounts.zoho.eu}, {@code www.zohoapis.eu}, ...), never the code.
 *
 * @param accountsUrl   Zoho Accounts server, e.g. https://accounts.zoho.com
 * @param apiUrl        API domain, e.g. https://www.zohoapis.com (Books under /books/v3, CRM under /crm/v7)
 * @param cliqUrl       Cliq host, e.g. https://cliq.zoho.com
 * @param clientId      OAuth client id
 * @param clientSecret  OAuth client secret (never logged)
 * @param refreshToken  OAuth refresh token (never logged)
 * @param books         Books budget per organization, and per-org overrides by organization id
 * @param crm           CRM concurrency budget
 * @param retry         back-off for 429, 5xx and timeouts
 * @param timeout       how long one call may take before it counts as a timeout
 */
public record ZohoSettings(URI accountsUrl, URI apiUrl, URI cliqUrl, String clientId, String clientSecret,
                           String refreshToken, BooksBudget books, Map<String, BooksBudget> booksPerOrg,
                           int crmConcurrency, RetryPolicy retry, Duration timeout) {

    public ZohoSettings {
        Objects.requireNonNull(accountsUrl, "accountsUrl");
        Objects.requireNonNull(apiUrl, "apiUrl");
        require(clientId, "clientId");
        require(clientSecret, "clientSecret");
        require(refreshToken, "refreshToken");
        books = books == null ? BooksBudget.DEFAULT : books;
        booksPerOrg = booksPerOrg == null ? Map.of() : Map.copyOf(booksPerOrg);
        crmConcurrency = crmConcurrency <= 0 ? 10 : crmConcurrency;
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    }

    /** Settings for one Zoho account with every budget at Zoho's documented defaults. */
    public static ZohoSettings of(URI accountsUrl, URI apiUrl, URI cliqUrl, String clientId, String clientSecret,
                                  String refreshToken) {
        return new ZohoSettings(accountsUrl, apiUrl, cliqUrl, clientId, clientSecret, refreshToken, null, null, 0,
                null, null);
    }

    public ZohoSettings withBooks(BooksBudget budget) {
        return new ZohoSettings(accountsUrl, apiUrl, cliqUrl, clientId, clientSecret, refreshToken, budget,
                booksPerOrg, crmConcurrency, retry, timeout);
    }

    public ZohoSettings withRetry(RetryPolicy policy) {
        return new ZohoSettings(accountsUrl, apiUrl, cliqUrl, clientId, clientSecret, refreshToken, books,
                booksPerOrg, crmConcurrency, policy, timeout);
    }

    public BooksBudget booksBudget(String organizationId) {
        return booksPerOrg.getOrDefault(organizationId, books);
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Zoho " + name + " is not configured");
        }
    }

    /**
     * One Books organization's budget (docs/architecture.md §6). Zoho allows 100 requests per minute per
     * organization, about 10 in flight (5 on the free plan) and a daily cap by plan, all shared with every other app
     * on the org.
     *
     * @param perMinute  Zoho's per-minute limit for the organization
     * @param inFlight   Zoho's in-flight limit for the organization
     * @param daily      the organization's daily cap; null: read the plan from Books ({@code plan_name}), and
     *                   1,000 (the smallest plan) while it is not known
     * @param timeZone   the zone the organization's day runs in; null: Books' {@code time_zone}, else UTC
     * @param share      the part of the per-minute, in-flight and daily limits this service may spend, every one
     *                   of its instances together; the services' shares add up to at most {@code 1 - reserve}
     * @param reserve    the part of the daily cap dealledger leaves to the customer's other apps
     * @param dailyProbe while Zoho says the day's cap is reached (code 45), one call of high priority is let
     *                   through this often to learn that Zoho's day turned
     */
    public record BooksBudget(int perMinute, int inFlight, Integer daily, String timeZone, double share,
                              double reserve, Duration dailyProbe) {
        public static final BooksBudget DEFAULT = new BooksBudget(100, 10);

        public BooksBudget {
            if (perMinute <= 0 || inFlight <= 0) {
                throw new IllegalArgumentException("Books budget must be positive: " + perMinute + "/min, " + inFlight + " in flight");
            }
            if (daily != null && daily <= 0) {
                throw new IllegalArgumentException("Books daily cap must be positive: " + daily);
            }
            if (!(share > 0 && share <= 1) || !(reserve >= 0 && reserve < 1) || share > 1 - reserve + 1e-9) {
                throw new IllegalArgumentException("Books budget share must be in (0, 1 - reserve] and reserve in"
                        + " [0, 1): share " + share + ", reserve " + reserve);
            }
            dailyProbe = dailyProbe == null ? Duration.ofMinutes(15) : dailyProbe;
        }

        /** Zoho's limits, the whole of them for one service, a tenth of the day kept for other apps. */
        public BooksBudget(int perMinute, int inFlight) {
            this(perMinute, inFlight, null, null, 0.9, 0.1, null);
        }

        public BooksBudget withShare(double newShare) {
            return new BooksBudget(perMinute, inFlight, daily, timeZone, newShare, reserve, dailyProbe);
        }
    }

    /** Exponential back-off with jitter; {@code maxAttempts} retries after the first call. */
    public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
        public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30));
    }
}
