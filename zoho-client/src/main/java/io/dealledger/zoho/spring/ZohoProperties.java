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
        Map<String, Books> booksPerOrg,
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

    /** Books budget per organization: 100 requests per minute and 10 in flight by default (5 on the free plan). */
    public record Books(@DefaultValue("100") int perMinute, @DefaultValue("10") int inFlight) {
    }

    /** Back-off for 429, 5xx and timeouts. */
    public record Retry(@DefaultValue("5") int maxAttempts, @DefaultValue("500ms") Duration firstBackoff,
                        @DefaultValue("30s") Duration maxBackoff) {
    }

    public ZohoSettings toSettings() {
        Map<String, ZohoSettings.BooksBudget> perOrg = new java.util.HashMap<>();
        booksPerOrg.forEach((org, budget) -> perOrg.put(org, budget(budget)));
        return new ZohoSettings(accountsUrl, apiUrl, cliqUrl, clientId, clientSecret, refreshToken, budget(books),
                perOrg, crmConcurrency, new ZohoSettings.RetryPolicy(retry.maxAttempts(), retry.firstBackoff(),
                retry.maxBackoff()), timeout);
    }

    private static ZohoSettings.BooksBudget budget(Books books) {
        return new ZohoSettings.BooksBudget(books.perMinute(), books.inFlight());
    }

    private static void require(Object value, String name) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException(name + " must be set to talk to Zoho");
        }
    }
}
