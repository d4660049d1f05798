package io.dealledger.zoho.spring;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.dealledger.zoho.ZohoSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Zoho connection settings of a service (prefix {@code dealledger.zoho}). Secrets come from the
 * environment: ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN; the data centre from
 * ZOHO_ACCOUNTS_URL, ZOHO_API_URL, ZOHO_CLIQ_URL.
 */
@ConfigurationProperties("dealledger.zoho")
public record ZohoProperties(
        URI accountsUrl,
        URI apiUrl,
        URI cliqUrl,
        String clientId,
        String clientSecret,
        String refreshToken,
        @DefaultValue Books books,
        Map<String, BooksOrg> booksPerOrg,
        @DefaultValue("10") int crmConcurrency,
        @DefaultValue Retry retry,
        @DefaultValue("30s") Duration timeout) {

    public ZohoProperties {
        require(accountsUrl, "dealledger.zoho.accounts-url (ZOHO_ACCOUNTS_URL)");
        require(apiUrl, "dealledger.zoho.api-url (ZOHO_API_URL)");
        require(clientId, "dealledger.zoho.client-id (ZOHO_CLIENT_ID)");
        require(clientSecret, "dealledger.zoho.client-secret (ZOHO_CLIENT_SECRET)");
        require(refreshToken, "dealledger.zoho.refresh-token (ZOHO_REFRESH_TOKEN)");
        booksPerOrg = booksPerOrg == null ? Map.of() : booksPerOrg;
    }

    /**
     * Books budget per organization (see {@link ZohoSettings.BooksBudget}): Zoho's 100 requests per minute and
     * 10 in flight, the daily cap read from the plan unless set, and this service's share of them all.
     */
    public record Books(@DefaultValue("100") int perMinute, @DefaultValue("10") int inFlight, Integer daily,
                        String timeZone, @DefaultValue("0.9") double share, @DefaultValue("0.1") double reserve,
                        @DefaultValue("15m") Duration dailyProbe) {
    }

    /** What differs for one organization (its plan's cap, say); unset values are the service-wide ones. */
    public record BooksOrg(Integer perMinute, Integer inFlight, Integer daily, String timeZone) {
    }

    /** Back-off for 429, 5xx and timeouts. */
    public record Retry(@DefaultValue("5") int maxAttempts, @DefaultValue("500ms") Duration firstBackoff,
                        @DefaultValue("30s") Duration maxBackoff) {
    }

    public ZohoSettings toSettings() {
        Map<String, ZohoSettings.BooksBudget> perOrg = new java.util.HashMap<>();
        booksPerOrg.forEach((org, budget) -> perOrg.put(org, budget(books, budget)));
        return new ZohoSettings(accountsUrl, apiUrl, cliqUrl, clientId, clientSecret, refreshToken, budget(books),
                perOrg, crmConcurrency, new ZohoSettings.RetryPolicy(retry.maxAttempts(), retry.firstBackoff(),
                retry.maxBackoff()), timeout);
    }

    private static ZohoSettings.BooksBudget budget(Books books) {
        return new ZohoSettings.BooksBudget(books.perMinute(), books.inFlight(), books.daily(), blankToNull(books.timeZone()),
                books.share(), books.reserve(), books.dailyProbe());
    }

    private static ZohoSettings.BooksBudget budget(Books books, BooksOrg org) {
        return new ZohoSettings.BooksBudget(org.perMinute() == null ? books.perMinute() : org.perMinute(),
                org.inFlight() == null ? books.inFlight() : org.inFlight(),
                org.daily() == null ? books.daily() : org.daily(),
                blankToNull(org.timeZone()) == null ? blankToNull(books.timeZone()) : org.timeZone(),
                books.share(), books.reserve(), books.dailyProbe());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void require(Object value, String name) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException(name + " must be set to talk to Zoho");
        }
    }
}
