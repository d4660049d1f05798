package io.dealledger.invoice.push;

import static io.dealledger.invoice.support.Requests.awaitIssued;
import static io.dealledger.invoice.support.Requests.awaitOutcomes;
import static io.dealledger.invoice.support.Requests.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceRejected;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.invoice.books.BooksCaches;
import io.dealledger.invoice.outcome.Outcome;
import io.dealledger.invoice.outcome.OutcomeEvents;
import io.dealledger.invoice.plan.InvoiceRequest;
import io.dealledger.invoice.support.CrmData;
import io.dealledger.invoice.support.InvoiceServiceIT;
import io.dealledger.invoice.support.Requests;
import io.dealledger.invoice.support.TestZoho;
import io.dealledger.zoho.ZohoClients;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Redeliveries, crashes, concurrency and Zoho faults never make a second invoice or customer. */
@InvoiceServiceIT
class ExactlyOnceIT {

    @Autowired
    ZohoClients zoho;
    @Autowired
    InvoicePusher pusher;
    @Autowired
    BooksCaches caches;
    @Autowired
    MeterRegistry meters;

    @Test
    void theSameRequestDeliveredThreeTimesYieldsOneInvoiceAndOneOutcomeEventId() {
        String deal = newDeal("Washington", "250.00");
        InvoiceRequested request = Requests.wholeDeal(deal);

        send(request, request, request);

        List<ConsumerRecord<String, SpecificRecord>> outcomes = awaitOutcomes(request.getRequestId(), 3);
        assertThat(outcomes).extracting(ConsumerRecord::key).containsOnly(deal);
        assertThat(outcomes).extracting(r -> ((InvoiceIssued) r.value()).getEventId()).hasSize(3).containsOnly(
                ((InvoiceIssued) outcomes.get(0).value()).getEventId());
        assertThat(outcomes).extracting(r -> ((InvoiceIssued) r.value()).getInvoiceId()).containsOnly(
                ((InvoiceIssued) outcomes.get(0).value()).getInvoiceId());
        assertThat(dealInvoices(deal)).hasSize(1);
    }

    @Test
    void aCrashBetweenInvoiceCreatedAndOutcomeEmittedDoesNotMakeASecondInvoiceWhenReprocessed() {
        // Given a push that created the invoice, then died before publishing the outcome
        String deal = newDeal("CA", "400.00");
        InvoiceRequested request = Requests.wholeDeal(deal);
        Outcome beforeCrash = pusher.push(InvoiceRequest.from(request));
        assertThat(beforeCrash).isInstanceOf(Outcome.Issued.class);
        assertThat(Requests.outcomes(request.getRequestId())).isEmpty();

        // When the request is delivered again, twice
        send(request, request);

        // Then both deliveries answer with the invoice already made, under one event id
        List<ConsumerRecord<String, SpecificRecord>> outcomes = awaitOutcomes(request.getRequestId(), 2);
        assertThat(outcomes).extracting(r -> ((InvoiceIssued) r.value()).getInvoiceId())
                .containsOnly(((Outcome.Issued) beforeCrash).invoiceId());
        assertThat(outcomes).extracting(r -> ((InvoiceIssued) r.value()).getEventId())
                .containsOnly(OutcomeEvents.eventId(beforeCrash));
        assertThat(dealInvoices(deal)).hasSize(1);
    }

    @Test
    void twoConcurrentPushesForOneNewAccountEndWithOneBooksCustomer() {
        String account = CrmData.usAccount("NY");
        String product = CrmData.product("Widget", CrmData.unique("W"), "50.00");
        String first = CrmData.deal("Closed Won", "50.00", "USD", account, product, 1, "50.00");
        String second = CrmData.deal("Closed Won", "100.00", "USD", account, product, 2, "50.00");

        CompletableFuture<Outcome> a = CompletableFuture.supplyAsync(() -> pusher.push(InvoiceRequest.from(Requests.wholeDeal(first))));
        CompletableFuture<Outcome> b = CompletableFuture.supplyAsync(() -> pusher.push(InvoiceRequest.from(Requests.wholeDeal(second))));

        Outcome.Issued one = (Outcome.Issued) a.join();
        Outcome.Issued two = (Outcome.Issued) b.join();
        assertThat(one.customerId()).isEqualTo(two.customerId());
        assertThat(zoho.books().listContacts(SeedIds.US_ORG_ID, Map.of()).filter(c ->
                account.equals(c.customFields().get("cf_crm_account_id"))).collectList().block()).hasSize(1);
    }

    @Test
    void underThirtyPercentInjected429sAnd5xxEveryRequestEndsInExactlyOneInvoiceOrARejection() {
        // Given ten deals, and Books failing 30% of calls with 429 and 30% with 5xx
        String account = CrmData.usAccount("Texas");
        String product = CrmData.product("Sensor", CrmData.unique("SN"), "20.00");
        List<InvoiceRequested> requests = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            requests.add(Requests.wholeDeal(CrmData.deal("Closed Won", i * 20 + ".00", "USD", account, product, i, "20.00")));
        }
        TestZoho.admin().put("faults/" + SeedIds.US_ORG_ID, "{\"error_429_probability\":0.3,\"error_5xx_probability\":0.3}");
        try {
            // When they are all published
            send(requests.toArray(InvoiceRequested[]::new));

            // Then each ends in one outcome with one invoice behind an issue and none behind a rejection
            // (the reads below go through the same faults; the client's retries get them through)
            for (InvoiceRequested request : requests) {
                SpecificRecord outcome = awaitOutcomes(request.getRequestId(), 1).get(0).value();
                if (outcome instanceof InvoiceIssued issued) {
                    assertThat(dealInvoices(request.getDealId())).extracting(Invoice::invoiceId)
                            .containsExactly(issued.getInvoiceId());
                } else {
                    assertThat(outcome).isInstanceOf(InvoiceRejected.class);
                    assertThat(dealInvoices(request.getDealId())).isEmpty();
                }
            }
            assertThat(TestZoho.admin().get("calls?family=books").toString()).as("faults were injected").contains("429");
        } finally {
            TestZoho.admin().put("faults/" + SeedIds.US_ORG_ID, "{\"error_429_probability\":0,\"error_5xx_probability\":0}");
        }
    }

    @Test
    void aColdPushCostsAFewBooksCallsAndAWarmOneTwo() {
        // Given nothing cached, a new account and two products Books has never seen
        caches.clear();
        String account = CrmData.usAccount("CA");
        String arm = CrmData.product("Arm " + CrmData.unique(""), CrmData.unique("ARM"), "100.00");
        String tool = CrmData.product("Tool " + CrmData.unique(""), CrmData.unique("TL"), "10.00");

        // When one deal is pushed cold, then a second deal of the same account and products
        long beforeCold = TestZoho.booksCalls();
        InvoiceRequested cold = Requests.wholeDeal(CrmData.deal("Closed Won", "110.00", "USD", account, arm, 1, "100.00", tool, 1, "10.00"));
        send(cold);
        awaitIssued(cold);
        long coldCalls = TestZoho.booksCalls() - beforeCold;
        InvoiceRequested warm = Requests.wholeDeal(CrmData.deal("Closed Won", "120.00", "USD", account, arm, 1, "100.00", tool, 2, "10.00"));
        send(warm);
        awaitIssued(warm);
        long warmCalls = TestZoho.booksCalls() - beforeCold - coldCalls;

        // Then: the organization, taxes, items, customer, 2 new items, the deal's invoices, the invoice = 8; warm = 2
        System.out.printf("books_calls_per_invoice cold=%d warm=%d%n", coldCalls, warmCalls);
        assertThat(coldCalls).isEqualTo(8);
        assertThat(warmCalls).isEqualTo(2);
        assertThat(meters.get("dealledger.invoice.books.calls").summary().count()).isPositive();
        assertThat(meters.get("dealledger.invoice.requests").tag("outcome", "issued").counter().count()).isPositive();
    }

    private String newDeal(String state, String amount) {
        String account = CrmData.usAccount(state);
        String product = CrmData.product("Part", CrmData.unique("P"), amount);
        return CrmData.deal("Closed Won", amount, "USD", account, product, 1, amount);
    }

    private List<Invoice> dealInvoices(String dealId) {
        return zoho.books().listInvoices(SeedIds.US_ORG_ID, Map.of("zcrm_potential_id", dealId)).collectList().block();
    }
}
