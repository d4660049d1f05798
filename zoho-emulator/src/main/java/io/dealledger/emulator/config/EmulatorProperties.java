package io.dealledger.emulator.config;

import java.time.Duration;
import java.util.LinkedHashMap;
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
        @DefaultValue Faults faults,
        @DefaultValue World world) {

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
            @DefaultValue("5000") int daily) {
    }

    /**
     * Webhooks applied to every organization in addition to those created by the API. {@code url}
     * may contain {@code {organization_id}}; empty means none.
     *
     * @param secretHeader        the header that carries each organization's own shared secret (as a Books workflow
     *                            webhook configured per organization would), e.g. X-Dealledger-Webhook-Secret
     * @param organizationSecrets {@code <orgId>=<secret>} entries (ZOHO_EMULATOR_BOOKS_WEBHOOK_SECRETS, comma
     *                            separated): from the environment, never the command line, where {@code ps} shows it
     */
    public record BooksWebhooks(
            @DefaultValue("") String url,
            @DefaultValue Map<String, String> headers,
            @DefaultValue("") String secret,
            @DefaultValue("") String secretHeader,
            @DefaultValue List<String> organizationSecrets) {

        public BooksWebhooks {
            secretsByOrganization(organizationSecrets);
        }

        /** The secret of each organization that has one. */
        public Map<String, String> secretsByOrganization() {
            return secretsByOrganization(organizationSecrets);
        }

        private static Map<String, String> secretsByOrganization(List<String> organizationSecrets) {
            Map<String, String> secrets = new LinkedHashMap<>();
            for (String entry : organizationSecrets) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("zoho-emulator.books.webhooks.organization-secrets"
                            + " (ZOHO_EMULATOR_BOOKS_WEBHOOK_SECRETS): each entry must be <orgId>=<secret>");
                }
                secrets.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
            }
            return secrets;
        }

        @Override
        public String toString() {
            return "BooksWebhooks[url=" + url + ", headers=" + headers.keySet() + ", secretHeader=" + secretHeader
                    + ", organizations=" + secretsByOrganization().keySet() + ", secrets=****]";
        }
    }

    public record Crm(
            @DefaultValue("true") boolean limitsEnabled,
            @DefaultValue("10") int concurrency,
            @DefaultValue("Deal_Line_Items") String dealLineItemsField,
            @DefaultValue("USD") String homeCurrency,
            @DefaultValue("false") boolean notificationsHonourTrigger,
            @DefaultValue DealWebhook dealWebhook) {
    }

    /**
     * A CRM workflow webhook on Deals (Setup → Automation → Actions → Webhooks, run by a workflow rule on create or
     * edit), posting the deal's merge fields form-encoded, as docs/zoho-setup.md §3 sets it up; empty url: none.
     *
     * @param secretHeader the custom header carrying {@code secret} (the CRM webhook secret)
     */
    public record DealWebhook(@DefaultValue("") String url, @DefaultValue("") String secretHeader,
                              @DefaultValue("") String secret) {
        @Override
        public String toString() {
            return "DealWebhook[url=" + url + ", secretHeader=" + secretHeader + ", secret=****]";
        }
    }

    public record Cliq(@DefaultValue("emulator-zapikey") String zapikey) {
    }

    /**
     * Where the emulator keeps its world across restarts ({@code ZOHO_EMULATOR_WORLD_DIR}); empty: in memory only, and
     * a restart starts from the seed. The local stack sets {@code .local/emulator} (issue 23).
     */
    public record World(@DefaultValue("") String dir) {

        public boolean persisted() {
            return !dir.isBlank();
        }
    }

    /** Seed of the random source deciding injected faults, so a failing run can be repeated. */
    public record Faults(@DefaultValue("42") long randomSeed) {
    }
}
