package io.dealledger.invoice.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.dealledger.invoice.doctor.SetupCheck.Status;
import io.dealledger.zoho.crm.CrmWebhook;
import org.junit.jupiter.api.Test;

/** What CRM's webhook list (crm-oas v8.0 getWebhooks rows) says about deal edits reaching the gateway. */
class DealChangeCheckTest {

    private static final String GATEWAY = "https://dealledger.example.com";

    private static CrmWebhook webhook(String url, String method, boolean associated) {
        return new CrmWebhook("5725767000007186002", "dealledger", "Deals", url, method, "workflow", associated);
    }

    @Test
    void aWebhookToTheGatewayThatARuleRunsPasses() {
        SetupCheck check = DealChangeCheck.of(GATEWAY, List.of(webhook("https://other.example/hook", "POST", true),
                webhook(GATEWAY + "/webhooks/crm", "POST", true)));

        assertThat(check.status()).isEqualTo(Status.PASS);
        assertThat(check.detail()).contains("\"dealledger\" posts Deal edits to " + GATEWAY + "/webhooks/crm");
    }

    @Test
    void aWebhookNoActiveRuleRunsWarnsSaying() {
        SetupCheck check = DealChangeCheck.of(GATEWAY, List.of(webhook(GATEWAY + "/webhooks/crm", "POST", false)));

        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.detail()).contains("does not run", "no active rule runs it");
        assertThat(check.fix()).contains("workflow rule on Deals");
    }

    @Test
    void aGetWebhookToTheGatewayWarnsThatItMustPost() {
        SetupCheck check = DealChangeCheck.of(GATEWAY, List.of(webhook(GATEWAY + "/webhooks/crm", "GET", true)));

        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.detail()).contains("(GET)");
        assertThat(check.fix()).startsWith("make it POST");
    }

    @Test
    void webhooksToOtherUrlsOnlyWarnNamingTheUrlWanted() {
        SetupCheck check = DealChangeCheck.of(GATEWAY, List.of(webhook("https://other.example/hook", "POST", true)));

        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.detail()).isEqualTo("no Deals webhook posts to " + GATEWAY + "/webhooks/crm");
        assertThat(check.stopsInvoicing()).isFalse();
    }
}
