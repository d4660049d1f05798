package io.dealledger.ledger.writeback;

import static io.dealledger.ledger.Events.credited;
import static io.dealledger.ledger.Events.dealChanged;
import static io.dealledger.ledger.Events.imported;
import static io.dealledger.ledger.Events.linked;
import static io.dealledger.ledger.Events.paid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.dealledger.ledger.EventSender;
import io.dealledger.ledger.LedgerProjectionApplication;
import io.dealledger.ledger.UsesZohoEmulator;
import io.dealledger.ledger.ZohoData;
import io.dealledger.testkit.kafka.UsesKafka;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/** Ledger facts in, CRM Deal fields out: the write-back against the real broker and the Zoho emulator. */
@UsesKafka
@SpringBootTest(classes = LedgerProjectionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
class CrmWriteBackIT implements UsesZohoEmulator {

    private static final String ORG = "10234695";
    private static final LocalDate DUE = LocalDate.now().plusDays(30);
    private static final EventSender events = new EventSender();

    private final ZohoData zoho = new ZohoData(UsesZohoEmulator.zoho());

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void closeSender() {
        events.close();
    }

    @Test
    void factsInSetTheDealsCrmFields() {
        // Given a CRM deal worth 1000
        String deal = zoho.createDeals("Write-back", 1).get(0);
        // When its invoices arrive: A 600 part paid 250, B 400 part credited 100
        events.sendAll(dealFacts(deal, "600", "250", "400", "100"));
        // Then the deal's CRM fields show the ledger, amounts as numbers with the currency's decimals
        JsonNode fields = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> zoho.deal(deal), d -> d.path("Outstanding_Balance").isNumber()
                        && d.path("Outstanding_Balance").decimalValue().compareTo(new java.math.BigDecimal("650")) == 0);
        assertThat(fields.path("Total_Invoiced").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(fields.path("Total_Paid").decimalValue()).isEqualByComparingTo("250");
        assertThat(fields.path("Total_Credited").decimalValue()).isEqualByComparingTo("100");
        assertThat(fields.path("Overdue_Amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(fields.path("Uninvoiced_Amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(fields.path("Payment_Status").asString()).isEqualTo("Partially paid");
        assertThat(fields.path("Invoice_Id").asString()).isEqualTo("B-" + deal);
        assertThat(fields.path("Invoice_URL").asString()).isEqualTo("https://books.example/invoices/B-" + deal);
        assertThat(fields.path("Last_Payment_Date").asString()).isEqualTo(LocalDate.now().toString());
        assertThat(fields.path("Invoice_Error").isNull() || fields.path("Invoice_Error").isMissingNode()).isTrue();
        // And the write did not fire the deal's workflows
        assertThat(zoho.dealUpdateCalls(List.of(deal))).allSatisfy(call ->
                assertThat(call.path("trigger").isArray() && call.path("trigger").isEmpty()).isTrue());
    }

    @Test
    void aThousandFactsAcrossFiftyDealsTakeAHandfulOfCrmCalls() {
        // Given 50 CRM deals
        List<String> deals = zoho.createDeals("Busy", 50);
        // When 1,000 facts arrive for them (20 each: terms, 4 invoices linked, 8 payments, 3 credits)
        List<SpecificRecord> facts = new ArrayList<>();
        deals.forEach(deal -> facts.addAll(twentyFacts(deal)));
        assertThat(facts).hasSize(1000);
        events.sendAll(facts);
        // Then every deal shows its final ledger in CRM
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            for (String deal : deals) {
                JsonNode fields = zoho.deal(deal);
                assertThat(fields.path("Total_Paid").decimalValue()).as(deal).isEqualByComparingTo("400");
                assertThat(fields.path("Outstanding_Balance").decimalValue()).as(deal).isEqualByComparingTo("570");
            }
        });
        // And it took a handful of CRM update calls, not one per fact or per deal
        List<JsonNode> calls = zoho.dealUpdateCalls(deals);
        System.out.println("CRM update calls for 1,000 facts across 50 deals: " + calls.size());
        assertThat(calls.size()).isBetween(1, 6);
        assertThat(calls).allSatisfy(call -> assertThat(call.path("record_count").asInt()).isLessThanOrEqualTo(100));
        assertThat(meters.find("dealledger.ledger.crm.updates.saved").tag("reason", "coalesced").counter().count())
                .isPositive();
    }

    @Test
    void aDeletedDealIsCountedAndDoesNotHoldBackTheOthers() {
        // Given three CRM deals, one of which someone deletes in CRM
        List<String> deals = zoho.createDeals("Partly gone", 3);
        zoho.deleteDeal(deals.get(1));
        double refusedBefore = refused();
        // When ledgers change for all three
        List<SpecificRecord> facts = new ArrayList<>();
        deals.forEach(deal -> facts.addAll(dealFacts(deal, "300", "100", "200", "0")));
        events.sendAll(facts);
        // Then the live deals get their fields
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().untilAsserted(() -> {
            assertThat(zoho.deal(deals.get(0)).path("Outstanding_Balance").decimalValue()).isEqualByComparingTo("400");
            assertThat(zoho.deal(deals.get(2)).path("Outstanding_Balance").decimalValue()).isEqualByComparingTo("400");
        });
        // And the deleted one is counted as refused by CRM
        await().atMost(Duration.ofSeconds(30)).until(() -> refused() > refusedBefore);
    }

    private double refused() {
        return meters.find("dealledger.ledger.crm.write.records").tag("outcome", "failed").tag("code", "INVALID_DATA")
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Terms 1000 USD; invoice A (total a, paid p) and B (total b, credited c), both linked. */
    static List<SpecificRecord> dealFacts(String deal, String a, String p, String b, String c) {
        Instant t = Instant.now().minusSeconds(600);
        List<SpecificRecord> facts = new ArrayList<>(List.of(
                dealChanged("dc-" + deal, t, ORG, deal, "1000", "USD"),
                imported("imp-A-" + deal, t.plusSeconds(1), ORG, "A-" + deal, "INV-A-" + deal, a, "USD", DUE),
                linked("link-A-" + deal, t.plusSeconds(2), ORG, "A-" + deal, deal),
                paid("pay-A-" + deal, t.plusSeconds(3), ORG, "A-" + deal, "p-A-" + deal, p, "USD", LocalDate.now()),
                imported("imp-B-" + deal, t.plusSeconds(4), ORG, "B-" + deal, "INV-B-" + deal, b, "USD", DUE),
                linked("link-B-" + deal, t.plusSeconds(5), ORG, "B-" + deal, deal)));
        if (!"0".equals(c)) {
            facts.add(credited("cred-B-" + deal, t.plusSeconds(6), ORG, "B-" + deal, "app-B-" + deal, c, "USD"));
        }
        return facts;
    }

    /** 20 facts: terms, 4 invoices of 250 imported and linked, 2 payments of 50 each, credits of 10 on 3 of them. */
    private static List<SpecificRecord> twentyFacts(String deal) {
        Instant t = Instant.now().minusSeconds(600);
        List<SpecificRecord> facts = new ArrayList<>();
        facts.add(dealChanged("dc-" + deal, t, ORG, deal, "1000", "USD"));
        for (int i = 0; i < 4; i++) {
            String invoice = "I" + i + "-" + deal;
            facts.add(imported("imp-" + invoice, t.plusSeconds(i), ORG, invoice, "INV-" + invoice, "250", "USD", DUE));
            facts.add(linked("link-" + invoice, t.plusSeconds(i), ORG, invoice, deal));
            for (int p = 0; p < 2; p++) {
                facts.add(paid("pay-" + p + "-" + invoice, t.plusSeconds(10 + p), ORG, invoice, "p" + p + "-" + invoice,
                        "50", "USD", LocalDate.now()));
            }
            if (i < 3) {
                facts.add(credited("cred-" + invoice, t.plusSeconds(20), ORG, invoice, "app-" + invoice, "10", "USD"));
            }
        }
        return facts;
    }
}
