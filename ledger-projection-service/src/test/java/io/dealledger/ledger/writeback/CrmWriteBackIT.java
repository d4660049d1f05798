package io.dealledger.ledger.writeback;

import static io.dealledger.ledger.Events.credited;
import static io.dealledger.ledger.Events.dealChanged;
import static io.dealledger.ledger.Events.imported;
import static io.dealledger.ledger.Events.linked;
import static io.dealledger.ledger.Events.paid;
import static io.dealledger.ledger.Events.rejectedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.dealledger.events.AccountLedger;
import io.dealledger.events.DealLedger;
import io.dealledger.ledger.EventSender;
import io.dealledger.ledger.LedgerProjectionApplication;
import io.dealledger.ledger.UsesZohoEmulator;
import io.dealledger.ledger.ZohoData;
import io.dealledger.schemas.serde.EventSerde;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.testkit.kafka.TopicProbe;
import io.dealledger.testkit.kafka.UsesKafka;
import io.micrometer.core.instrument.MeterRegistry;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/** Ledger facts in, CRM Deal and Account fields out: the write-back against the real broker and the Zoho emulator. */
@UsesKafka
@SpringBootTest(classes = LedgerProjectionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0",
                // retries in tenths of a second, and one try per client call, so an outage is many attempts long
                "dealledger.ledger.crm-write-back.retry.first-backoff=100ms",
                "dealledger.ledger.crm-write-back.retry.max-backoff=400ms", "dealledger.zoho.retry.max-attempts=1"})
class CrmWriteBackIT implements UsesZohoEmulator {

    private static final String ORG = "10234695";
    private static final LocalDate DUE = LocalDate.now().plusDays(30);
    private static final EventSender events = new EventSender();

    private final ZohoData zoho = new ZohoData(UsesZohoEmulator.zoho());

    @Autowired
    MeterRegistry meters;
    @Autowired
    org.springframework.boot.kafka.autoconfigure.KafkaProperties kafka;
    @Autowired
    io.dealledger.zoho.ZohoClients zohoClients;
    @Autowired
    CrmDealFields dealFields;
    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

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
        long sent = System.nanoTime();
        events.sendAll(facts);
        // Then every deal shows its final ledger in CRM
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            for (String deal : deals) {
                JsonNode fields = zoho.deal(deal);
                assertThat(fields.path("Total_Paid").decimalValue()).as(deal).isEqualByComparingTo("400");
                assertThat(fields.path("Outstanding_Balance").decimalValue()).as(deal).isEqualByComparingTo("570");
            }
        });
        double seconds = (System.nanoTime() - sent) / 1e9;
        // And it took a handful of CRM update calls, not one per fact or per deal: the leading edge makes a call at
        // most every third of the 2 s window while changes keep coming (issue 20's target: 20 calls in 10 s)
        List<JsonNode> calls = zoho.dealUpdateCalls(deals);
        System.out.printf("CRM update calls for 1,000 facts across 50 deals: %d in %.1f s%n", calls.size(), seconds);
        assertThat(calls.size()).isBetween(1, (int) (seconds * 1.5) + 2).isLessThan(deals.size());
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

    /** Issue 17: with CRM answering 5xx, the write-back gave up after 8 attempts and the deal stayed wrong for good. */
    @Test
    void aCrmOutageFarLongerThanTheOldRetryLimitEndsWithExactFieldsAndHealthStaysUp() throws Exception {
        String deal = zoho.createDeals("Outage", 1).get(0);
        double retriesBefore = records("retrying");
        double droppedBefore = records("failed");
        UsesZohoEmulator.zoho().admin().put("faults/crm", "{\"error_5xx_probability\":1.0}");
        try {
            events.sendAll(dealFacts(deal, "600", "250", "400", "100"));
            // five times the attempts after which it used to give up (8), each answered 500 by CRM
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .until(() -> records("retrying") - retriesBefore >= 40);
            assertThat(records("failed")).as("no write dropped").isEqualTo(droppedBefore);
            assertThat(health().path("components").path("crmWriteBack").path("status").asString()).isEqualTo("UP");
        } finally {
            UsesZohoEmulator.zoho().admin().put("faults/crm", "{\"error_5xx_probability\":0.0}");
        }
        JsonNode fields = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> zoho.deal(deal), d -> d.path("Outstanding_Balance").isNumber()
                        && d.path("Outstanding_Balance").decimalValue().compareTo(new java.math.BigDecimal("650")) == 0);
        assertThat(fields.path("Total_Paid").decimalValue()).isEqualByComparingTo("250");
        assertThat(fields.path("Total_Credited").decimalValue()).isEqualByComparingTo("100");
    }

    /** Issue 17: any exception ended the only write-back thread for good while health stayed UP. */
    @Test
    void aWriteBackLoopThatFailsIsRestartedWithHealthDownMeanwhileAndThenWrites() {
        AtomicInteger starts = new AtomicInteger();
        Supplier<Consumer<String, DealLedger>> real = WriteBackConfiguration.consumers(kafka,
                "supervision-" + UUID.randomUUID(), DealLedger.class);
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        CrmRecordWriter writer = new CrmRecordWriter("Deals", zohoClients.crm(), new PendingWrites(Duration.ZERO,
                Duration.ofMillis(100), Duration.ofMillis(400)), new WriteBackMetrics(own, "Deals"),
                Duration.ofSeconds(20), Clock.systemUTC());
        // the loop's first two starts fail as a broker that cannot be reached yet fails them
        CrmWriteBack<DealLedger> loop = new CrmWriteBack<>(Topics.DEAL_LEDGERS.name(), () -> {
            if (starts.incrementAndGet() <= 2) {
                throw new KafkaException("no broker reachable (start " + starts.get() + ")");
            }
            return real.get();
        }, dealFields, writer, 100, Clock.systemUTC());
        CrmWriteBackHealth health = new CrmWriteBackHealth(List.of(loop));
        String deal = zoho.createDeals("Supervised", 1).get(0);
        loop.start();
        try {
            Health down = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(health::health, h -> h.getStatus().equals(Status.DOWN)
                            && String.valueOf(h.getDetails().get("Deals")).contains("no broker reachable"));
            assertThat(down.getDetails().get("Deals")).asString().contains("KafkaException");
            await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getStatus().equals(Status.UP));
            assertThat(loop.restarts()).isEqualTo(2);
            events.sendAll(dealFacts(deal, "600", "250", "400", "100"));
            await().atMost(Duration.ofSeconds(60)).until(() -> own.find("dealledger.ledger.crm.write.records")
                    .tag("outcome", "success").counters().stream().mapToDouble(c -> c.count()).sum() > 0);
        } finally {
            loop.stop();
        }
    }

    @Test
    void anInvoiceErrorOnTheDealSaysWhatKindOfFailureItIs() {
        // Given a CRM deal
        String deal = zoho.createDeals("Rejected", 1).get(0);
        // When its invoice request is rejected for a missing tax mapping
        events.sendAll(List.of(rejectedAs("rej-" + deal, Instant.now().minusSeconds(60), deal, "req-" + deal,
                "MISSING_TAX_MAPPING", "No tax mapping for US-TX (Texas): add it to dealledger.invoice.tax")));
        // Then the deal's Invoice_Error leads with the category's label, then why
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> zoho.deal(deal)
                .path("Invoice_Error").asString(""), error -> error.equals(
                "Missing tax mapping: No tax mapping for US-TX (Texas): add it to dealledger.invoice.tax"));
    }

    @Test
    void accountsGetTheirDealsTotalsInTheirMainCurrencyInOneBatchedCallAndLaterOnlyWhatChanged() {
        // Given two CRM accounts: the first with three USD deals and one EUR deal, the second with two USD deals
        String first = zoho.createAccount("Roll-up One " + System.nanoTime());
        String second = zoho.createAccount("Roll-up Two " + System.nanoTime());
        List<String> firstDeals = zoho.createDeals("Roll-up One", 4, first);
        List<String> secondDeals = zoho.createDeals("Roll-up Two", 2, second);
        // When each deal's facts arrive: an invoice of 500 (the EUR deal: 300), 200 paid
        List<SpecificRecord> facts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            facts.addAll(accountDealFacts(firstDeals.get(i), first, i == 3 ? "EUR" : "USD", i == 3 ? "300" : "500"));
        }
        secondDeals.forEach(deal -> facts.addAll(accountDealFacts(deal, second, "USD", "500")));
        long sent = System.nanoTime();
        events.sendAll(facts);
        // Then each CRM account shows its deals' totals in its main currency, the other currency summed up as text
        // (the first write goes at once, on the leading edge, so it may show the account before all its deals came:
        // wait for the one that has all four)
        JsonNode one = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(
                () -> zoho.account(first), a -> amount(a, "Total_Paid", "600")
                        && a.path("Open_Deals_With_Balance").asInt() == 4);
        assertThat(one.path("Total_Invoiced").decimalValue()).isEqualByComparingTo("1500");
        assertThat(one.path("Outstanding_Balance").decimalValue()).isEqualByComparingTo("900");
        assertThat(one.path("Total_Credited").decimalValue()).isEqualByComparingTo("0");
        assertThat(one.path("Overdue_Amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(one.path("Open_Deals_With_Balance").asInt()).isEqualTo(4);
        assertThat(one.path("Ledger_Currency").asString()).isEqualTo("USD");
        assertThat(one.path("Other_Currency_Balances").asString())
                .isEqualTo("EUR: outstanding 100.00 of 300.00 invoiced, paid 200.00, credited 0.00, overdue 0.00,"
                        + " 1 of 1 deal open");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(
                () -> zoho.account(second), a -> amount(a, "Outstanding_Balance", "600"));
        double seconds = (System.nanoTime() - sent) / 1e9;
        // And many ledger versions made a handful of Accounts update calls, both accounts in the same call (at most
        // one every third of the window while versions keep coming, as for deals)
        long versions = accountLedgers().stream().filter(l -> l.getAccountId().equals(first)
                || l.getAccountId().equals(second)).count();
        List<JsonNode> calls = zoho.accountUpdateCalls(List.of(first, second));
        System.out.printf("CRM Accounts update calls for %d account ledger versions: %d in %.1f s%n", versions,
                calls.size(), seconds);
        assertThat(versions).isGreaterThanOrEqualTo(12);
        assertThat(calls.size()).isBetween(1, (int) (seconds * 1.5) + 2).isLessThan((int) versions);
        assertThat(calls).anySatisfy(call -> assertThat(call.path("ids").values().stream().map(JsonNode::asString))
                .contains(first, second));
        assertThat(calls).allSatisfy(call -> assertThat(call.path("trigger").isArray() && call.path("trigger").isEmpty())
                .isTrue());

        // Given someone types 999 into the first account's Total_Credited in CRM
        zoho.editAccount(first, Map.of("Total_Credited", 999));
        // When a USD deal of it is paid 300 more
        String paidDeal = firstDeals.get(0);
        events.sendAll(List.of(paid("pay-2-" + paidDeal, Instant.now(), ORG, "R-" + paidDeal, "p2-" + paidDeal, "300",
                "USD", LocalDate.now())));
        // Then the changed fields are written, and the unchanged Total_Credited is not sent (the 999 stays)
        JsonNode after = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(
                () -> zoho.account(first), a -> amount(a, "Total_Paid", "900"));
        assertThat(after.path("Outstanding_Balance").decimalValue()).isEqualByComparingTo("600");
        assertThat(after.path("Open_Deals_With_Balance").asInt()).isEqualTo(3);
        assertThat(after.path("Total_Credited").asInt()).isEqualTo(999);
        assertThat(after.path("Ledger_Currency").asString()).isEqualTo("USD");
    }

    private static boolean amount(JsonNode record, String field, String expected) {
        return record.path(field).isNumber() && record.path(field).decimalValue().compareTo(new java.math.BigDecimal(expected)) == 0;
    }

    private static List<AccountLedger> accountLedgers() {
        return new TopicProbe<>(Topics.ACCOUNT_LEDGERS.name(), new StringDeserializer(),
                EventSerde.of(AccountLedger.class).deserializer()).values();
    }

    /** The deal in {@code account}: terms, an invoice of {@code total} linked (naming the account), 200 paid. */
    private static List<SpecificRecord> accountDealFacts(String deal, String account, String currency, String total) {
        Instant t = Instant.now().minusSeconds(600);
        String invoice = "R-" + deal;
        return List.of(
                dealChanged("dc-" + deal, t, ORG, deal, total, currency, account),
                imported("imp-" + invoice, t.plusSeconds(1), ORG, invoice, "INV-" + invoice, total, currency, DUE),
                linked("link-" + invoice, t.plusSeconds(2), ORG, invoice, deal, account),
                paid("pay-" + invoice, t.plusSeconds(3), ORG, invoice, "p-" + invoice, "200", currency, LocalDate.now()));
    }

    private double records(String outcome) {
        return meters.find("dealledger.ledger.crm.write.records").tag("outcome", outcome).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    private JsonNode health() throws Exception {
        return tools.jackson.databind.json.JsonMapper.shared().readTree(java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + managementPort
                        + "/actuator/health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
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
