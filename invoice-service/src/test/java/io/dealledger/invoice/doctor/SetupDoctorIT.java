package io.dealledger.invoice.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.invoice.books.BooksFields;
import io.dealledger.invoice.crm.CrmFields;
import io.dealledger.invoice.crm.DealReader;
import io.dealledger.invoice.doctor.SetupCheck.Status;
import io.dealledger.invoice.push.PushProperties;
import io.dealledger.invoice.routing.OrganizationRouter;
import io.dealledger.invoice.routing.RoutingProperties;
import io.dealledger.invoice.support.CrmData;
import io.dealledger.invoice.support.InvoiceServiceIT;
import io.dealledger.invoice.support.TestZoho;
import io.dealledger.invoice.tax.TaxMapping;
import io.dealledger.invoice.tax.TaxProperties;
import io.dealledger.invoice.tax.TaxResolver;
import io.dealledger.zoho.ZohoClients;
import io.dealledger.zoho.ZohoSettings;
import io.dealledger.zoho.spring.ZohoProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The setup doctor against the emulator: the local stack's setup passes, and each check fails (or warns) on a setup
 * broken for it, naming what is wrong and the fix.
 */
@InvoiceServiceIT
class SetupDoctorIT {

    private static final DoctorProperties NO_GATEWAY = new DoctorProperties(null, "X-Dealledger-Webhook-Secret");
    private static final String GATEWAY = "https://dealledger.example.com";

    @Autowired
    ZohoClients zoho;
    @Autowired
    ZohoProperties zohoProperties;
    @Autowired
    PushProperties push;
    @Autowired
    RoutingProperties routes;
    @Autowired
    TaxProperties taxProperties;
    @Autowired
    CrmFields crm;
    @Autowired
    BooksFields books;
    @Autowired
    DealReader deals;
    @Autowired
    OrganizationRouter router;
    @Autowired
    TaxResolver taxes;
    @LocalServerPort
    int port;

    @Test
    void theLocalSetupPassesAndTheRouteAnswersTheChecklist() throws Exception {
        // Given the emulator's seed setup with the US org as the default, as bin/dealledger configures it
        SetupDoctor.Report report = doctor(zoho, routedTo(SeedIds.US_ORG_ID), taxProperties, crm,
                NO_GATEWAY).examine();

        assertThat(report.invoicingCanWork()).isTrue();
        assertThat(status(report, "Zoho OAuth client")).isEqualTo(Status.PASS);
        assertThat(status(report, "OAuth scopes")).isEqualTo(Status.PASS);
        assertThat(check(report, "Books organizations").detail()).contains(SeedIds.US_ORG_ID, SeedIds.UK_ORG_ID);
        assertThat(check(report, "Routing").detail()).contains("without Legal_Entity is invoiced in " + SeedIds.US_ORG_ID);
        assertThat(status(report, "CRM Variables")).isEqualTo(Status.PASS);
        assertThat(status(report, "CRM fields")).isEqualTo(Status.PASS);
        assertThat(check(report, "Deals line-item subform").detail()).isEqualTo("Deal_Line_Items is a subform of Deals");
        assertThat(check(report, "Tax table").status()).isEqualTo(Status.PASS);
        // (other tests here leave accounts in unmapped regions behind: this one may warn, never fail)
        assertThat(check(report, "Tax regions of open deals").detail()).contains("accounts with open deals");
        assertThat(check(report, "Books webhooks").status()).isEqualTo(Status.SKIPPED);
        assertThat(report.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();

        // and the route prints the same checklist for bin/dealledger doctor
        HttpResponse<String> text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/doctor")).header("Accept", "text/plain").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).contains("[PASS   ] OAuth scopes", "[MANUAL ] Books custom fields",
                "cf_dealledger_request_id (Text, Prevent Duplicate Values)", "RESULT: invoicing can work");
    }

    @Test
    void aRefreshTokenZohoRefusesStopsEveryCheck() {
        ZohoSettings s = zohoProperties.toSettings();
        ZohoClients wrong = ZohoClients.create(new ZohoSettings(s.accountsUrl(), s.apiUrl(), s.cliqUrl(), s.clientId(),
                s.clientSecret(), "1000.not.a.refresh.token", s.books(), s.booksPerOrg(), s.crmConcurrency(), s.retry(),
                s.timeout()), new SimpleMeterRegistry());

        SetupDoctor.Report report = doctor(wrong, NO_GATEWAY).examine();

        assertThat(report.invoicingCanWork()).isFalse();
        assertThat(check(report, "Zoho OAuth client").detail()).contains("refused the refresh token", "invalid_code");
        assertThat(report.checks()).extracting(SetupCheck::status).containsExactly(Status.FAIL, Status.SKIPPED);
    }

    @Test
    void missingScopesAreNamedAndOnlyTheInvoicingOnesStopInvoicing() {
        List<String> granted = TestZoho.admin().get("oauth/scopes").path("scopes").values().stream()
                .map(n -> n.asString()).toList();
        try {
            // Given a grant without Books invoices and without Cliq
            grant("ZohoBooks.contacts.ALL", "ZohoBooks.settings.ALL", "ZohoBooks.customerpayments.READ",
                    "ZohoBooks.creditnotes.ALL", "ZohoCRM.modules.ALL", "ZohoCRM.settings.ALL", "ZohoCRM.notifications.ALL");
            SetupCheck scopes = check(doctor(freshClients(), NO_GATEWAY).examine(), "OAuth scopes");
            assertThat(scopes.status()).isEqualTo(Status.FAIL);
            assertThat(scopes.detail()).contains("ZohoBooks.invoices.ALL", "ZohoCliq.Webhooks.CREATE")
                    .doesNotContain("ZohoBooks.contacts.ALL");
            assertThat(scopes.fix()).contains("new refresh token");

            // Given only Cliq missing: a warning, invoicing works
            grant("ZohoBooks.fullaccess.all", "ZohoCRM.modules.ALL", "ZohoCRM.settings.ALL", "ZohoCRM.notifications.ALL");
            SetupDoctor.Report cliqOnly = doctor(freshClients(), NO_GATEWAY).examine();
            assertThat(check(cliqOnly, "OAuth scopes").status()).isEqualTo(Status.WARN);
            assertThat(check(cliqOnly, "OAuth scopes").detail()).contains("ZohoCliq.Webhooks.CREATE");
            assertThat(cliqOnly.invoicingCanWork()).isTrue();
        } finally {
            grant(granted.toArray(String[]::new));
        }
    }

    @Test
    void anOrganizationTheAccountDoesNotHoldFails() {
        SetupDoctor.Report report = doctor(zoho, routedTo("99999999"), taxProperties, crm,
                NO_GATEWAY).examine();

        SetupCheck orgs = check(report, "Books organizations");
        assertThat(orgs.status()).isEqualTo(Status.FAIL);
        assertThat(orgs.detail()).contains("99999999 (default)");
        assertThat(orgs.fix()).contains(SeedIds.US_ORG_ID, SeedIds.UK_ORG_ID);
        assertThat(check(report, "Routing").status()).isEqualTo(Status.FAIL);
        assertThat(check(report, "Routing").detail()).contains("would go to 99999999");
        assertThat(report.invoicingCanWork()).isFalse();
    }

    @Test
    void severalOrganizationsWithoutADefaultWarnThatEveryAccountNeedsALegalEntity() {
        SetupCheck routing = check(doctor(zoho, NO_GATEWAY).examine(), "Routing");

        assertThat(routing.status()).isEqualTo(Status.WARN);
        assertThat(routing.fix()).contains("INVOICE_DEFAULT_ORGANIZATION", "Legal_Entity");
    }

    @Test
    void aRoutingVariableNamingAnUnknownOrganizationFails() {
        String name = "Books_Org_Doctor_" + UUID.randomUUID().toString().substring(0, 8);
        TestZoho.variable(name, "77777777");
        try {
            SetupCheck variables = check(doctor(zoho, NO_GATEWAY).examine(), "CRM Variables");

            assertThat(variables.status()).isEqualTo(Status.FAIL);
            assertThat(variables.detail()).contains(name + " = 77777777");
        } finally {
            // Zoho's Variables API updates a variable by its api_name: leave one that routes to a real org
            updateVariable(name, SeedIds.US_ORG_ID);
        }
    }

    @Test
    void crmFieldsThatAreMissingOrOfAnotherTypeFailNamingEach() {
        // Given field names the CRM org does not have, or has with another type
        CrmFields wrong = new CrmFields("Amount", crm.legalEntityField(), "Customer_Books_Ref", "Taxable",
                crm.skuField());

        SetupDoctor.Report report = doctor(zoho, routes, taxProperties, wrong, NO_GATEWAY).examine();

        assertThat(check(report, "CRM fields").status()).isEqualTo(Status.FAIL);
        assertThat(check(report, "CRM fields").detail()).contains("Accounts.Customer_Books_Ref missing",
                "Products.Taxable is boolean, wants text or textarea");
        assertThat(check(report, "Deals line-item subform").status()).isEqualTo(Status.FAIL);
        assertThat(check(report, "Deals line-item subform").detail()).isEqualTo("Deals.Amount is currency, not a subform");
        assertThat(report.invoicingCanWork()).isFalse();
    }

    @Test
    void aTaxTheOrganizationDoesNotHaveFails() {
        Map<String, Map<String, TaxMapping>> tax = Map.of(SeedIds.US_ORG_ID,
                Map.of("US-OR", new TaxMapping("460000000009999", null)));

        SetupCheck taxes = check(doctor(zoho, routedTo(null), withTable(tax), crm, NO_GATEWAY).examine(),
                "Tax table");

        assertThat(taxes.status()).isEqualTo(Status.FAIL);
        assertThat(taxes.detail()).contains(SeedIds.US_ORG_ID + " US-OR: tax 460000000009999");
    }

    @Test
    void anAccountWithAnOpenDealInARegionNoMappingCoversIsNamedWithTheVariableThatFixesIt() {
        // Given an account billed in Wyoming, which neither the table nor a Variable maps, with an open deal
        String name = CrmData.unique("Wyoming Freight");
        String account = CrmData.account(name, "WY", "United States", SeedIds.LEGAL_ENTITY_US);
        CrmData.deal("Negotiation/Review", "1200", "USD", account);

        SetupDoctor.Report report = doctor(zoho, NO_GATEWAY).examine();

        // Then the check warns, naming the account, its region and the Variable to add; invoicing still works for
        // the other accounts
        SetupCheck regions = check(report, "Tax regions of open deals");
        assertThat(regions.status()).isEqualTo(Status.WARN);
        assertThat(regions.detail()).contains("'" + name + "'", "US-WY", "Books_Org_tax_" + SeedIds.US_ORG_ID + "_US_WY");
        assertThat(regions.fix()).contains("docs/zoho-setup.md §4");

        // And once the Variable maps the region, the account is no longer named
        TestZoho.variable("Books_Org_tax_" + SeedIds.US_ORG_ID + "_US_WY", "exempt");
        SetupCheck fixed = check(doctor(zoho, NO_GATEWAY).examine(), "Tax regions of open deals");
        assertThat(fixed.detail()).doesNotContain(name);
    }

    @Test
    void booksWebhooksAreCheckedAgainstTheGatewayUrlAndTheSecretHeader() {
        DoctorProperties gateway = new DoctorProperties(GATEWAY + "/", "X-Dealledger-Webhook-Secret");

        // Given no webhook to the gateway: a warning naming the URL each org must call
        SetupCheck none = check(doctor(zoho, gateway).examine(), "Books webhooks");
        assertThat(none.status()).isEqualTo(Status.WARN);
        assertThat(none.detail()).contains(GATEWAY + "/webhooks/books/" + SeedIds.US_ORG_ID, "X-Dealledger-Webhook-Secret");

        // Given each org's webhook to the gateway, but the UK one without the secret header
        String us = webhook(SeedIds.US_ORG_ID, true);
        String uk = webhook(SeedIds.UK_ORG_ID, false);
        try {
            SetupCheck ukWithout = check(doctor(zoho, gateway).examine(), "Books webhooks");
            assertThat(ukWithout.status()).isEqualTo(Status.WARN);
            assertThat(ukWithout.detail()).contains(SeedIds.UK_ORG_ID).doesNotContain(SeedIds.US_ORG_ID + " (");

            // Given both with the header: pass
            String ukFixed = webhook(SeedIds.UK_ORG_ID, true);
            try {
                assertThat(check(doctor(zoho, gateway).examine(), "Books webhooks").status())
                        .isEqualTo(Status.PASS);
            } finally {
                deleteWebhook(SeedIds.UK_ORG_ID, ukFixed);
            }
        } finally {
            deleteWebhook(SeedIds.US_ORG_ID, us);
            deleteWebhook(SeedIds.UK_ORG_ID, uk);
        }
    }

    @Test
    void theCrmDealWebhookIsCheckedAgainstTheGatewayUrl() {
        DoctorProperties gateway = new DoctorProperties(GATEWAY, "X-Dealledger-Webhook-Secret");

        // Given a CRM without a Deals webhook to the gateway: a warning naming the URL, invoicing still works
        SetupDoctor.Report none = doctor(zoho, gateway).examine();
        SetupCheck missing = check(none, "CRM deal changes");
        assertThat(missing.status()).isEqualTo(Status.WARN);
        assertThat(missing.detail()).isEqualTo("no Deals webhook posts to " + GATEWAY + "/webhooks/crm");
        assertThat(missing.fix()).contains("X-Dealledger-Crm-Secret", "docs/zoho-setup.md §3");
        assertThat(missing.stopsInvoicing()).isFalse();

        // Given a CRM whose workflow rule on Deals runs a webhook to the gateway: pass
        TestZoho.admin().put("crm/deal-webhook", "{\"url\":\"" + GATEWAY + "/webhooks/crm\"}");
        try {
            SetupCheck found = check(doctor(zoho, gateway).examine(), "CRM deal changes");
            assertThat(found.status()).as(found.toString()).isEqualTo(Status.PASS);
            assertThat(found.detail()).contains("posts Deal edits to " + GATEWAY + "/webhooks/crm");
        } finally {
            TestZoho.admin().put("crm/deal-webhook", "{\"url\":\"\"}");
        }

        // Given no public URL configured: skipped, saying what to set
        assertThat(check(doctor(zoho, NO_GATEWAY).examine(), "CRM deal changes").fix())
                .contains("DEALLEDGER_PUBLIC_URL");
    }

    /** The doctor of the shared context's settings. */
    private SetupDoctor doctor(ZohoClients clients, DoctorProperties doctor) {
        return doctor(clients, routes, taxProperties, crm, doctor);
    }

    private SetupDoctor doctor(ZohoClients clients, RoutingProperties routes, TaxProperties tax, CrmFields crm,
                               DoctorProperties doctor) {
        return new SetupDoctor(clients, routes, crm, books, doctor, String.valueOf(zohoProperties.apiUrl()),
                push.callTimeout(), new TaxChecks(tax, clients.crm(), deals, router, taxes, push.callTimeout()));
    }

    private ZohoClients freshClients() {
        return ZohoClients.create(zohoProperties.toSettings(), new SimpleMeterRegistry());
    }

    private static void grant(String... scopes) {
        TestZoho.admin().put("oauth/scopes", "{\"scopes\":[" + String.join(",", List.of(scopes).stream()
                .map(s -> "\"" + s + "\"").toList()) + "]}");
    }

    /** The shared context's organizations, with {@code defaultOrganization} as the default. */
    private RoutingProperties routedTo(String defaultOrganization) {
        return new RoutingProperties(routes.organizations(), defaultOrganization,
                routes.organizationsFromCrmVariables(), routes.crmVariablePrefix());
    }

    private TaxProperties withTable(Map<String, Map<String, TaxMapping>> tax) {
        return new TaxProperties(taxProperties.taxAuthorityCountries(), taxProperties.taxAuthorityRequired(), tax);
    }

    private static SetupCheck check(SetupDoctor.Report report, String name) {
        return report.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + report.checks()));
    }

    private static Status status(SetupDoctor.Report report, String name) {
        return check(report, name).status();
    }

    /** A credit-note webhook (the entity no test here raises) to the gateway, as POST /settings/webhooks makes it. */
    private static String webhook(String org, boolean withSecretHeader) {
        String headers = withSecretHeader
                ? "[{\"param_name\":\"X-Dealledger-Webhook-Secret\",\"param_value\":\"doctor0test0secret\"}]" : "[]";
        String body = "{\"webhook_name\":\"dealledger\",\"entity\":\"creditnote\",\"method\":\"POST\",\"url\":\""
                + GATEWAY + "/webhooks/books/" + org + "\",\"headers\":" + headers + "}";
        return send("POST", "/books/v3/settings/webhooks?organization_id=" + org, body).path("webhook")
                .path("webhook_id").asString();
    }

    private static void deleteWebhook(String org, String id) {
        send("DELETE", "/books/v3/settings/webhooks/" + id + "?organization_id=" + org, null);
    }

    private static void updateVariable(String apiName, String value) {
        send("PUT", "/crm/v7/settings/variables/" + apiName, "{\"variables\":[{\"value\":\"" + value + "\"}]}");
    }

    private static tools.jackson.databind.JsonNode send(String method, String path, String body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(TestZoho.emulator().baseUrl() + path))
                    .header("Authorization", "Zoho-oauthtoken " + TestZoho.emulator().accessToken())
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " refused: " + response.body());
            }
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
