package io.dealledger.emulator.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of the emulator, prefix {@code zoho-emulator}. Defaults live here (not only in
 * application.yml) because in-process users start the emulator from another module's classpath, where
 * this module's application.yml may be shadowed.
 */
@ConfigurationProperties("zoho-emulator")
public record EmulatorProperties(
        @DefaultValue Seed seed,
        @DefaultValue OAuth oauth,
        @DefaultValue Books books,
        @DefaultValue Crm crm,
        @DefaultValue Cliq cliq,
        @DefaultValue Faults faults) {

    /** The default data set (two Books orgs, CRM accounts/contacts/products/deals). */
    public record Seed(@DefaultValue("true") boolean enabled) {
    }

    /**
     * The one OAuth client the emulator knows, and Zoho's token rules. {@code scopes}: what the client was granted,
     * so what every minted token carries; a call a token's scopes do not allow is refused as Zoho refuses it.
     */
    public record OAuth(
            @DefaultValue("1000.EMULATOR0CLIENT0ID") String clientId,
            @DefaultValue("emulator0client0secret") String clientSecret,
            @DefaultValue("1000.emulator.refresh.token") String refreshToken,
            @DefaultValue("1h") Duration tokenTtl,
            @DefaultValue("10") int refreshLimit,
            @DefaultValue("10m") Duration refreshWindow,
            @DefaultValue({"ZohoBooks.fullaccess.all", "ZohoCRM.modules.ALL", "ZohoCRM.settings.ALL",
                    "ZohoCRM.notifications.ALL", "ZohoCliq.Webhooks.CREATE"}) List<String> scopes) {
    }

    /**
     * @param preventDuplicateFields per entity ({@code invoice}, {@code contact}, {@code item}), the custom fields
     *                               created with "Prevent Duplicate Values": upsert keys, and unique on every write.
     *                               Defaults: dealledger's upsert keys (invoice-service README, "books.*-field").
     */
    public record Books(
            @DefaultValue BooksLimits limits,
            @DefaultValue BooksWebhooks webhooks,
            @DefaultValue("https://books.zoho.com") String invoiceUrlBase,
            Map<String, List<String>> preventDuplicateFields) {

        public Books {
            preventDuplicateFields = preventDuplicateFields == null || preventDuplicateFields.isEmpty()
                    ? Map.of("invoice", List.of("cf_dealledger_request_id"), "contact", List.of("cf_crm_account_id"),
                            "item", List.of("cf_crm_product_id"))
                    : Map.copyOf(preventDuplicateFields);
        }
    }

    /** Books' per-organization limits: 429 code 44 (per minute), 1070 (in flight), 45 (daily). */
    public record BooksLimits(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("100") int perMinute,
            @DefaultValue("10") int inFlight,
            @DefaultValue("1000") int daily) {
    }

    /**
     * Webhooks applied to every organization in addition to those created by the API. {@code url}
     * may contain {@code {organization_id}}; empty means none.
     */
    public record BooksWebhooks(
            @DefaultValue("") String url,
            @DefaultValue Map<String, String> headers,
            @DefaultValue("") String secret) {
    }

    public record Crm(
            @DefaultValue("true") boolean limitsEnabled,
            @DefaultValue("10") int concurrency,
            @DefaultValue("Deal_Line_Items") String dealLineItemsField,
            @DefaultValue("USD") String homeCurrency,
            @DefaultValue("false") boolean notificationsHonourTrigger) {
    }

    public record Cliq(@DefaultValue("emulator-zapikey") String zapikey) {
    }

    /** Seed of the random source deciding injected faults, so a failing run can be repeated. */
    public record Faults(@DefaultValue("42") long randomSeed) {
    }
}
