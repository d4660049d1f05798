package io.dealledger.ledger.reconciliation;

import static io.dealledger.ledger.Events.dealChanged;
import static io.dealledger.ledger.Events.imported;
import static io.dealledger.ledger.Events.linked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.ledger.EventSender;
import io.dealledger.ledger.LedgerProjectionApplication;
import io.dealledger.ledger.UsesZohoEmulator;
import io.dealledger.ledger.ZohoData;
import io.dealledger.testkit.kafka.UsesKafka;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reconciliation and invoice candidates against the real broker and the Zoho emulator's Books and CRM data. */
@UsesKafka
@SpringBootTest(classes = LedgerProjectionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
class ReconciliationIT implements UsesZohoEmulator {

    private static final LocalDate DUE = LocalDate.now().plusDays(30);
    private static final EventSender events = new EventSender();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ZohoData zoho = new ZohoData(UsesZohoEmulator.zoho());
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void closeSender() {
        events.close();
    }

    @Test
    void findsADifferencePlantedInBooksAndOneInCrmAndRewritesTheCrmField() throws Exception {
        // Given a deal whose Books invoice of 1000 is linked, and written back to CRM
        String deal = zoho.createDeals("Reconciled", 1).get(0);
        JsonNode invoice = zoho.createGlobexInvoice("REC-" + UUID.randomUUID(), new BigDecimal("1000.00"), DUE);
        String invoiceId = invoice.path("invoice_id").asString();
        String number = invoice.path("invoice_number").asString();
        linkBooksInvoice(deal, invoice);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> zoho.deal(deal),
                d -> d.path("Outstanding_Balance").isNumber()
                        && d.path("Outstanding_Balance").decimalValue().compareTo(new BigDecimal("1000")) == 0);
        // And someone records a payment of 300 in Books without dealledger hearing of it
        zoho.recordPaymentInBooks(invoiceId, new BigDecimal("300.00"));
        // And someone types 999 into the deal's Total_Paid in CRM
        zoho.editDeal(deal, Map.of("Total_Paid", 999));

        // When a reconciliation runs
        HttpResponse<String> answer = post("/api/v1/reconciliations");

        // Then the report names both differences, in JSON and in CSV
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode summary = JSON.readTree(answer.body());
        JsonNode report = JSON.readTree(Files.readString(Path.of(summary.path("jsonReport").asString())));
        List<JsonNode> ours = report.path("differences").values().stream()
                .filter(d -> deal.equals(d.path("dealId").asString())).toList();
        assertThat(ours).anySatisfy(d -> {
            assertThat(d.path("source").asString()).isEqualTo("books");
            assertThat(d.path("field").asString()).isEqualTo("invoice " + number + ".balance");
            assertThat(new BigDecimal(d.path("ledgerValue").asString())).isEqualByComparingTo("1000");
            assertThat(new BigDecimal(d.path("otherValue").asString())).isEqualByComparingTo("700");
        });
        assertThat(ours).anySatisfy(d -> {
            assertThat(d.path("source").asString()).isEqualTo("crm");
            assertThat(d.path("field").asString()).isEqualTo("Total_Paid");
            assertThat(new BigDecimal(d.path("ledgerValue").asString())).isEqualByComparingTo("0");
            assertThat(new BigDecimal(d.path("otherValue").asString())).isEqualByComparingTo("999");
        });
        assertThat(ours).hasSize(2);
        String csv = Files.readString(Path.of(summary.path("csvReport").asString()));
        assertThat(csv).startsWith("deal,source,field,ledger_value,other_value,rewritten\n")
                .contains(deal + ",crm,Total_Paid,0.00,999,false")
                .contains(deal + ",books,invoice " + number + ".balance,1000.000,700.00,false");
        // And the mismatch counts are metrics
        assertThat(meters.get("dealledger.reconciliation.mismatches").tag("source", "books").gauge().value()).isPositive();
        assertThat(meters.get("dealledger.reconciliation.mismatches").tag("source", "crm").gauge().value()).isPositive();

        // When it runs again with rewrite
        assertThat(post("/api/v1/reconciliations?rewrite=true").statusCode()).isEqualTo(200);
        // Then the CRM field that drifted shows the ledger again (the Books difference is for a person to settle)
        assertThat(zoho.deal(deal).path("Total_Paid").decimalValue()).isEqualByComparingTo("0");
        assertThat(zoho.deal(deal).path("Outstanding_Balance").decimalValue()).isEqualByComparingTo("1000");
    }

    @Test
    void candidatesAreTheCustomersBooksInvoicesNoDealIsLinkedTo() throws Exception {
        // Given a Globex deal, a Globex invoice linked to it and one linked to nothing
        String deal = zoho.createDeals("Candidates", 1).get(0);
        JsonNode linked = zoho.createGlobexInvoice("CAND-L-" + UUID.randomUUID(), new BigDecimal("500.00"), DUE);
        JsonNode free = zoho.createGlobexInvoice("CAND-F-" + UUID.randomUUID(), new BigDecimal("250.50"), DUE);
        linkBooksInvoice(deal, linked);
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/deals/" + deal + "/ledger").body(),
                body -> body.contains(linked.path("invoice_id").asString()));

        // When the CRM widget asks for the deal's invoice candidates
        HttpResponse<String> answer = get("/api/v1/deals/" + deal + "/invoice-candidates");

        // Then the free invoice is offered with its live Books status, the linked one is not
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("organizationId").asString()).isEqualTo(SeedIds.US_ORG_ID);
        assertThat(body.path("customerId").asString()).isEqualTo(SeedIds.BOOKS_CONTACT_GLOBEX);
        List<JsonNode> invoices = body.path("invoices").values().stream().toList();
        assertThat(invoices).noneSatisfy(i ->
                assertThat(i.path("invoiceId").asString()).isEqualTo(linked.path("invoice_id").asString()));
        assertThat(invoices).anySatisfy(i -> {
            assertThat(i.path("invoiceId").asString()).isEqualTo(free.path("invoice_id").asString());
            assertThat(i.path("invoiceNumber").asString()).isEqualTo(free.path("invoice_number").asString());
            assertThat(i.path("total").asString()).isEqualTo("250.50");
            assertThat(i.path("balance").asString()).isEqualTo("250.50");
            assertThat(i.path("status").asString()).isEqualTo("sent");
            assertThat(i.path("dueDate").asString()).isEqualTo(DUE.toString());
            assertThat(i.path("invoiceUrl").asString()).isNotBlank();
        });
        // And a deal without an account, or unknown to CRM, is a problem naming why
        HttpResponse<String> noAccount = get("/api/v1/deals/" + SeedIds.DEAL_WITHOUT_ACCOUNT + "/invoice-candidates");
        assertThat(noAccount.statusCode()).isEqualTo(422);
        assertThat(noAccount.body()).contains("Account_Name");
        assertThat(get("/api/v1/deals/5725767000999999999/invoice-candidates").statusCode()).isEqualTo(404);
    }

    /** The facts payment-service would publish for a Books invoice linked to the deal. */
    private static void linkBooksInvoice(String deal, JsonNode invoice) {
        Instant t = Instant.now().minusSeconds(60);
        String id = invoice.path("invoice_id").asString();
        events.sendAll(List.of(
                dealChanged("dc-" + deal, t, SeedIds.US_ORG_ID, deal, "1000", "USD"),
                imported("imp-" + id, t.plusSeconds(1), SeedIds.US_ORG_ID, id, invoice.path("invoice_number").asString(),
                        invoice.path("total").decimalValue().toPlainString(), "USD", DUE),
                linked("link-" + id, t.plusSeconds(2), SeedIds.US_ORG_ID, id, deal)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
