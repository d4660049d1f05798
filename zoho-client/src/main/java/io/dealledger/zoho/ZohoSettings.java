package io.dealledger.zoho;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where Zoho is and how carefully to use it. Base URLs come from configuration (design.md §6): the data
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
     * Books allows 100 requests per minute per organization and about 10 in flight (5 on the free plan);
     * the org's daily cap is shared with every other app, so it is not spent on retries of a daily 429.
     */
    public record BooksBudget(int perMinute, int inFlight) {
        public static final BooksBudget DEFAULT = new BooksBudget(100, 10);

        public BooksBudget {
            if (perMinute <= 0 || inFlight <= 0) {
                throw new IllegalArgumentException("Books budget must be positive: " + perMinute + "/min, " + inFlight + " in flight");
            }
        }
    }

    /** Exponential back-off with jitter; {@code maxAttempts} retries after the first call. */
    public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
        public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30));
    }
}
