package io.dealledger.emulator;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.emulator.support.Json;
import io.dealledger.emulator.support.WebhookReceiver;
import io.dealledger.emulator.support.ZohoHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The in-process starter other modules use, with a webhook configured for every organization. */
class ZohoEmulatorStarterTest {

    @Test
    void startsOnARandomPortAndSendsConfiguredWebhooksWithTheirHeaders() {
        try (WebhookReceiver receiver = new WebhookReceiver();
                ZohoEmulator emulator = ZohoEmulator.start(Map.of(
                        "zoho-emulator.books.webhooks.url", receiver.url("/webhooks/books/{organization_id}"),
                        "zoho-emulator.books.webhooks.headers.X-Dealledger-Books-Secret", "configured-secret",
                        "zoho-emulator.oauth.client-secret", "in-process-secret"))) {
            ZohoHttp http = new ZohoHttp(emulator.baseUrl());
            Json token = http.post("/oauth/v2/token?grant_type=refresh_token&client_id=" + emulator.clientId()
                    + "&client_secret=" + emulator.clientSecret() + "&refresh_token=" + emulator.refreshToken(), null).json();
            http.withToken(token.string("access_token"));

            http.post("/books/v3/invoices?organization_id=" + SeedIds.UK_ORG_ID, "{\"customer_id\":\"" + SeedIds.BOOKS_CONTACT_INITECH
                    + "\",\"line_items\":[{\"name\":\"Consulting\",\"rate\":250.5}]}");

            assertThat(emulator.clientSecret()).isEqualTo("in-process-secret");
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
            WebhookReceiver.Received received = receiver.received().get(0);
            assertThat(received.uri()).isEqualTo("/webhooks/books/" + SeedIds.UK_ORG_ID);
            assertThat(received.header("X-Dealledger-Books-Secret")).isEqualTo("configured-secret");
            assertThat(received.json().decimal("invoice.total")).isEqualByComparingTo("250.50");

            emulator.reset();
            assertThat(new ZohoHttp(emulator.baseUrl()).withToken(emulator.accessToken())
                    .get("/books/v3/invoices/" + SeedIds.BOOKS_INVOICE_SOYLENT + "?organization_id=" + SeedIds.US_ORG_ID).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void eachOrganizationsWebhookCarriesItsOwnSecretWhichNoUnauthenticatedAnswerShows() {
        try (WebhookReceiver receiver = new WebhookReceiver();
                ZohoEmulator emulator = ZohoEmulator.start(Map.of(
                        "zoho-emulator.books.webhooks.url", receiver.url("/webhooks/books/{organization_id}"),
                        "zoho-emulator.books.webhooks.secret-header", "X-Dealledger-Webhook-Secret",
                        "zoho-emulator.books.webhooks.organization-secrets", SeedIds.US_ORG_ID + "=us-org-secret-1,"
                                + SeedIds.UK_ORG_ID + "=uk-org-secret-1"))) {
            ZohoHttp http = new ZohoHttp(emulator.baseUrl()).withToken(emulator.accessToken());

            // Given an invoice created in each organization
            http.post("/books/v3/invoices?organization_id=" + SeedIds.UK_ORG_ID, "{\"customer_id\":\""
                    + SeedIds.BOOKS_CONTACT_INITECH + "\",\"line_items\":[{\"name\":\"Consulting\",\"rate\":100}]}");
            http.post("/books/v3/invoices?organization_id=" + SeedIds.US_ORG_ID, "{\"customer_id\":\""
                    + SeedIds.BOOKS_CONTACT_SOYLENT + "\",\"line_items\":[{\"name\":\"Work\",\"rate\":100}]}");

            // Then each webhook carries its own organization's secret
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 2);
            Map<String, String> secretByPath = new java.util.HashMap<>();
            receiver.received().forEach(r -> secretByPath.put(r.uri(), r.header("X-Dealledger-Webhook-Secret")));
            assertThat(secretByPath).containsEntry("/webhooks/books/" + SeedIds.US_ORG_ID, "us-org-secret-1")
                    .containsEntry("/webhooks/books/" + SeedIds.UK_ORG_ID, "uk-org-secret-1");

            // and the unauthenticated inspection API shows that a secret was sent, never which
            await().atMost(Duration.ofSeconds(5)).until(() -> new ZohoHttp(emulator.baseUrl())
                    .get("/_emulator/deliveries?kind=books_webhook").json().list("deliveries").size() == 2);
            String deliveries = new ZohoHttp(emulator.baseUrl()).get("/_emulator/deliveries?kind=books_webhook").rawBody();
            assertThat(deliveries).contains("\"X-Dealledger-Webhook-Secret\":\"****\"")
                    .doesNotContain("us-org-secret-1").doesNotContain("uk-org-secret-1");

            // and Books' own webhook list shows the configured webhook, with its URL and header, to a token holder
            var answer = http.get("/books/v3/settings/webhooks?organization_id=" + SeedIds.US_ORG_ID);
            Json listed = answer.json();
            assertThat(listed.list("webhooks")).hasSize(1);
            assertThat(listed.string("webhooks[0].url")).isEqualTo(receiver.url("/webhooks/books/" + SeedIds.US_ORG_ID));
            assertThat(answer.rawBody()).contains("X-Dealledger-Webhook-Secret", "us-org-secret-1")
                    .doesNotContain("uk-org-secret-1");
        }
    }

    @Test
    void aConfiguredDealWorkflowWebhookPostsEachDealEditAndIsListedAsCrmListsWebhooks() {
        try (WebhookReceiver receiver = new WebhookReceiver();
                ZohoEmulator emulator = ZohoEmulator.start(Map.of(
                        "zoho-emulator.crm.deal-webhook.url", receiver.url("/webhooks/crm"),
                        "zoho-emulator.crm.deal-webhook.secret-header", "X-Dealledger-Crm-Secret",
                        "zoho-emulator.crm.deal-webhook.secret", "crm-secret-1"))) {
            ZohoHttp http = new ZohoHttp(emulator.baseUrl()).withToken(emulator.accessToken());

            // When a CRM user edits a deal, and dealledger writes its ledger fields back without workflow
            http.put("/crm/v7/Deals", "{\"data\":[{\"id\":\"" + SeedIds.DEAL_SOYLENT_NEGOTIATION + "\",\"Amount\":4321.5}]}");
            http.put("/crm/v7/Deals", "{\"data\":[{\"id\":\"" + SeedIds.DEAL_SOYLENT_NEGOTIATION
                    + "\",\"Description\":\"ledger\"}],\"trigger\":[]}");

            // Then the workflow webhook posted the edit once, form-encoded, with the secret header
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
            WebhookReceiver.Received received = receiver.received().get(0);
            assertThat(received.uri()).isEqualTo("/webhooks/crm");
            assertThat(received.header("X-Dealledger-Crm-Secret")).isEqualTo("crm-secret-1");
            assertThat(received.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
            assertThat(received.body()).startsWith("deal_id=" + SeedIds.DEAL_SOYLENT_NEGOTIATION + "&amount=4321.5&")
                    .contains("&stage=", "&modified_time=");
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> receiver.received().size() == 1);

            // and CRM's webhook list (v8) shows it on Deals, associated with its rule, without its headers
            var answer = http.get("/crm/v8/settings/automation/webhooks?module=Deals");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().string("webhooks[0].url")).isEqualTo(receiver.url("/webhooks/crm"));
            assertThat(answer.json().string("webhooks[0].module.api_name")).isEqualTo("Deals");
            assertThat(answer.json().string("webhooks[0].associated")).isEqualTo("true");
            assertThat(answer.rawBody()).doesNotContain("crm-secret-1");
            assertThat(http.get("/crm/v8/settings/automation/webhooks?module=Leads").status()).isEqualTo(204);
        }
    }
}
