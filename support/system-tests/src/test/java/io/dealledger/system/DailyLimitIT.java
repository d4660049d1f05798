package io.dealledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import io.dealledger.emulator.EmulatorAdmin;
import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.testkit.kafka.UsesKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The US org's daily Books cap is reached (429 code 45): an invoice request is parked as BOOKS_DAILY_LIMIT, and the
 * request status and the Deal's Invoice_Error say so and when it will be tried again. Once Books' day turns (the
 * emulator's clock passes the org's midnight) it is issued, exactly once, with nobody replaying anything.
 */
@UsesKafka
class DailyLimitIT {

    static SystemStack stack;

    @BeforeAll
    static void start() throws Exception {
        // invoice-service probes a spent day every 2 s instead of every 15 minutes
        stack = new SystemStack(new SystemStack.Options(1, 1, Map.of("ZOHO_BOOKS_DAILY_PROBE", "2s")));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aRequestPastTheDailyCapWaitsVisiblyOnTheDealAndIsIssuedOnceWhenBooksDayTurns() {
        ZohoApi zoho = stack.zohoApi();
        GatewayClient gateway = stack.gateway();
        EmulatorAdmin admin = stack.zoho.admin();
        String deal = zoho.createRecord("Deals", "{\"Deal_Name\":\"Day's end\",\"Stage\":\"Closed Won\",\"Amount\":800,"
                + "\"Currency\":\"USD\",\"Account_Name\":{\"id\":\"" + SeedIds.ACCOUNT_GLOBEX_CA + "\"}}");
        // Given the US org's calls for today are spent
        admin.put("limits", "{\"books_daily\":1}");

        // When the button is pressed
        String requestId = gateway.requestInvoice(deal, null);

        // Then the request waits, saying why and until when
        JsonNode waiting = Waits.until("the request waiting", () -> gateway.requestOutcome(requestId),
                answer -> "waiting".equals(answer.path("status").asString()), Duration.ofSeconds(60));
        assertThat(waiting.path("reasons").path(0).path("code").asString()).isEqualTo("BOOKS_DAILY_LIMIT");
        assertThat(waiting.path("reasons").path(0).path("message").asString())
                .startsWith("Books daily API limit reached; will be retried after 00:00 ");
        // and the Deal in CRM says so
        JsonNode said = Waits.until("Invoice_Error on the deal", () -> zoho.deal(deal),
                crm -> text(crm, "Invoice_Error").contains("Books daily API limit reached"),
                Duration.ofSeconds(60));
        System.out.printf("Invoice_Error while the day is spent: %s%n", text(said, "Invoice_Error"));
        assertThat(zoho.invoicesOfDeal(Scenario.US_ORG, deal)).isEmpty();

        // When Books' day turns: the emulator passes the org's midnight (Pacific) and its count starts again
        Instant now = Instant.parse(admin.get("clock").path("now").asString());
        ZoneId pacific = ZoneId.of("America/Los_Angeles");
        Instant midnight = LocalDate.ofInstant(now, pacific).plusDays(1).atStartOfDay(pacific).toInstant();
        admin.post("clock/advance", "{\"seconds\":" + (Duration.between(now, midnight).toSeconds() + 60) + "}");
        admin.put("limits", "{\"books_daily\":" + SystemStack.BOOKS_DAILY_CAP + "}");

        // Then the request is issued by itself, once, and the deal's error is gone
        JsonNode issued = Waits.until("the request issued", () -> gateway.requestOutcome(requestId),
                answer -> "issued".equals(answer.path("status").asString()), Duration.ofSeconds(90));
        Waits.until("the deal invoiced in CRM without an error", () -> zoho.deal(deal),
                crm -> crm.path("Total_Invoiced").asDouble() > 0 && text(crm, "Invoice_Error").isEmpty(),
                Duration.ofSeconds(60));
        JsonNode invoices = zoho.invoicesOfDeal(Scenario.US_ORG, deal);
        assertThat(invoices).hasSize(1);
        assertThat(invoices.path(0).path("invoice_id").asString())
                .isEqualTo(issued.path("invoice").path("invoiceId").asString());
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.path(field);
        return value.isNull() || value.isMissingNode() ? "" : value.asString();
    }
}
