package io.dealledger.invoice.deadletter;

import static io.dealledger.invoice.support.Requests.awaitDeadLetters;
import static io.dealledger.invoice.support.Requests.awaitOutcomes;
import static io.dealledger.invoice.support.Requests.awaitRejected;
import static io.dealledger.invoice.support.Requests.header;
import static io.dealledger.invoice.support.Requests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceRejected;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.events.RejectionReason;
import io.dealledger.invoice.support.CrmData;
import io.dealledger.invoice.support.InvoiceServiceIT;
import io.dealledger.invoice.support.Requests;
import io.dealledger.invoice.support.TestZoho;
import io.dealledger.schemas.serde.EventDeserializer;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.zoho.ZohoClients;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rejection a person fixes outside the request is parked on the dead-letter topic and, once fixed,
 * replayed by re-publishing it (as the gateway does) into exactly one invoice.
 */
@InvoiceServiceIT
class RejectedRequestsIT {

    @Autowired
    ZohoClients zoho;
    @Autowired
    MeterRegistry meters;

    @Test
    void aRequestRejectedForAMissingTaxMappingIsParkedThenReplayedIntoOneInvoiceOnceACrmVariableMapsTheRegion() {
        // Given a deal of an account billed in Nevada, which has no tax mapping
        String account = CrmData.usAccount("Nevada");
        String product = CrmData.product("Valve", CrmData.unique("VL"), "80.00");
        String deal = CrmData.deal("Closed Won", "160.00", "USD", account, product, 2, "80.00");
        InvoiceRequested request = Requests.wholeDeal(deal);
        double missingTaxMappings = syncFailures("MISSING_TAX_MAPPING", SeedIds.US_ORG_ID);

        // When it is requested
        RecordMetadata landed = send(request).get(0);

        // Then it is rejected with its category, counted, and parked with the reason and category
        InvoiceRejected rejected = awaitRejected(request);
        assertThat(rejected.getReasons()).extracting(RejectionReason::getCode, RejectionReason::getCategory)
                .containsExactly(tuple("TAX_REGION_UNMAPPED", "MISSING_TAX_MAPPING"));
        assertThat(rejected.getReasons().get(0).getMessage()).contains("US-NV", "Books_Org_tax_10234695_US_NV");
        ConsumerRecord<String, byte[]> parked = awaitDeadLetters(deal, 1).get(0);
        assertThat(header(parked, "dealledger-dlt-reason")).contains("no tax mapping for US-NV");
        assertThat(header(parked, "dealledger-dlt-category")).isEqualTo("MISSING_TAX_MAPPING");
        assertThat(header(parked, "kafka_dlt-original-topic")).isEqualTo(Topics.INVOICE_REQUESTS.name());
        assertThat(ByteBuffer.wrap(parked.headers().lastHeader("kafka_dlt-original-partition").value()).getInt())
                .isEqualTo(landed.partition());
        assertThat(ByteBuffer.wrap(parked.headers().lastHeader("kafka_dlt-original-offset").value()).getLong())
                .isEqualTo(landed.offset());
        assertThat(parked.value()).isEqualTo(new EventSerializer().serialize(Topics.INVOICE_REQUESTS.name(), request));
        awaitSyncFailures("MISSING_TAX_MAPPING", SeedIds.US_ORG_ID, missingTaxMappings + 1);

        // When an integrator maps Nevada with a CRM Variable and the parked request is replayed
        TestZoho.variable("Books_Org_tax_" + SeedIds.US_ORG_ID + "_US_NV", SeedIds.TAX_TX + "/" + SeedIds.TAX_AUTHORITY_TX);
        Requests.replay(parked);

        // Then the request is invoiced with the mapped tax
        List<ConsumerRecord<String, SpecificRecord>> outcomes = awaitOutcomes(request.getRequestId(), 2);
        InvoiceIssued issued = (InvoiceIssued) outcomes.get(1).value();
        assertThat(issued.getAccountId()).isEqualTo(account);
        List<Invoice> invoices = dealInvoices(deal);
        assertThat(invoices).extracting(Invoice::invoiceId).containsExactly(issued.getInvoiceId());
        assertThat(issued.getTotal()).isEqualByComparingTo("170.000");
        assertThat(TestZoho.booksGet(SeedIds.US_ORG_ID, "/invoices/" + issued.getInvoiceId()).path("invoice")
                .path("tax_authority_id").asString()).isEqualTo(SeedIds.TAX_AUTHORITY_TX);

        // and replaying it again finds that invoice instead of making a second
        Requests.replay(parked);
        InvoiceIssued again = (InvoiceIssued) awaitOutcomes(request.getRequestId(), 3).get(2).value();
        assertThat(again.getInvoiceId()).isEqualTo(issued.getInvoiceId());
        assertThat(again.getEventId()).isEqualTo(issued.getEventId());
        assertThat(dealInvoices(deal)).hasSize(1);
        assertThat(Requests.deadLetters(deal)).hasSize(1);
    }

    @Test
    void aReplayOfAStageRequestThatALaterRequestForTheSameStageAlreadyInvoicedIsRefusedWithItsReason() {
        // Given a 30% stage of a deal billed in Idaho, parked for want of a tax mapping until Idaho was mapped
        ParkedDeposit parkedDeposit = parkedDepositOnceMapped("Idaho", "US_ID");
        String deal = parkedDeposit.deal();
        InvoiceRequested first = parkedDeposit.request();
        ConsumerRecord<String, byte[]> parked = parkedDeposit.parked();

        // and the user asked for the same stage again meanwhile, which was invoiced
        InvoiceRequested again = Requests.percentage(deal, "Deposit 30%", "30");
        send(again);
        InvoiceIssued issued = Requests.awaitIssued(again);

        // When an operator replays the parked first request
        Requests.replay(parked);

        // Then it is rejected as superseded, naming the later request and its invoice, and nothing is created
        InvoiceRejected superseded = (InvoiceRejected) awaitOutcomes(first.getRequestId(), 2).get(1).value();
        assertThat(superseded.getReasons()).extracting(RejectionReason::getCode, RejectionReason::getCategory)
                .containsExactly(tuple("REPLAY_SUPERSEDED", "INVALID_REQUEST"));
        assertThat(superseded.getReasons().get(0).getMessage())
                .contains(again.getRequestId(), issued.getInvoiceNumber(), "Deposit 30%");
        assertThat(dealInvoices(deal)).extracting(Invoice::invoiceId).containsExactly(issued.getInvoiceId());
        // not parked again: replaying it once more cannot help
        assertThat(Requests.deadLetters(deal)).hasSize(1);

        // and replaying it again gives the same refusal, still without a second invoice
        Requests.replay(parked);
        InvoiceRejected twice = (InvoiceRejected) awaitOutcomes(first.getRequestId(), 3).get(2).value();
        assertThat(twice.getEventId()).isEqualTo(superseded.getEventId());
        assertThat(dealInvoices(deal)).hasSize(1);
    }

    @Test
    void aReplayIsInvoicedWhenTheLaterRequestsOfItsDealAreForAnotherStage() {
        // Given a parked 30% deposit of a deal billed in Utah, then a 20% milestone invoiced
        ParkedDeposit parkedDeposit = parkedDepositOnceMapped("Utah", "US_UT");
        String deal = parkedDeposit.deal();
        InvoiceRequested deposit = parkedDeposit.request();
        ConsumerRecord<String, byte[]> parked = parkedDeposit.parked();
        InvoiceRequested milestone = Requests.percentage(deal, "Milestone 20%", "20");
        send(milestone);
        Requests.awaitIssued(milestone);

        // When the deposit is replayed
        Requests.replay(parked);

        // Then it is invoiced: nothing superseded it
        assertThat(awaitOutcomes(deposit.getRequestId(), 2).get(1).value()).isInstanceOf(InvoiceIssued.class);
        assertThat(dealInvoices(deal)).hasSize(2);
    }

    @Test
    void aRejectionTheRequestItselfCausesIsNotParkedAndEachRejectionCountsOncePerCategory() {
        // Given a USD 100 deal of an account billed in Oregon (no tax mapping)
        String account = CrmData.usAccount("Oregon");
        String deal = CrmData.deal("Closed Won", "100.00", "USD", account);
        double invalid = syncFailures("INVALID_REQUEST", SeedIds.US_ORG_ID);
        double missingTaxMappings = syncFailures("MISSING_TAX_MAPPING", SeedIds.US_ORG_ID);

        // When first a stage of 900 is asked for, then the whole deal (same deal: handled in that order)
        InvoiceRequested tooMuch = Requests.fixed(deal, "Milestone", "900", "USD");
        InvoiceRequested whole = Requests.wholeDeal(deal);
        send(tooMuch, whole);

        // Then both are rejected, but only the whole-deal request, which a tax mapping would fix, is parked
        assertThat(awaitRejected(tooMuch).getReasons()).extracting(RejectionReason::getCategory)
                .containsExactly("INVALID_REQUEST", "MISSING_TAX_MAPPING");
        awaitRejected(whole);
        List<ConsumerRecord<String, byte[]>> parked = awaitDeadLetters(deal, 1);
        assertThat(parked).extracting(r -> ((InvoiceRequested) new EventDeserializer()
                .deserialize(Topics.INVOICE_REQUESTS.name(), r.value())).getRequestId()).containsExactly(whole.getRequestId());
        // and each rejection counted once per category, in the Books organization
        awaitSyncFailures("MISSING_TAX_MAPPING", SeedIds.US_ORG_ID, missingTaxMappings + 2);
        assertThat(syncFailures("INVALID_REQUEST", SeedIds.US_ORG_ID)).isEqualTo(invalid + 1);
    }

    @Test
    void aDealWithoutAccountIsCountedWithoutOrganization() {
        double withoutAccount = syncFailures("DEAL_WITHOUT_ACCOUNT", "none");
        InvoiceRequested request = Requests.wholeDeal(SeedIds.DEAL_WITHOUT_ACCOUNT);

        send(request);

        assertThat(awaitRejected(request).getReasons()).extracting(RejectionReason::getCategory)
                .containsExactly("DEAL_WITHOUT_ACCOUNT");
        awaitSyncFailures("DEAL_WITHOUT_ACCOUNT", "none", withoutAccount + 1);
    }

    private record ParkedDeposit(String deal, InvoiceRequested request, ConsumerRecord<String, byte[]> parked) {
    }

    /** A 30% deposit of a new deal billed in {@code state}, rejected and parked, then the state mapped. */
    private static ParkedDeposit parkedDepositOnceMapped(String state, String region) {
        String deal = CrmData.deal("Closed Won", "1000.00", "USD", CrmData.usAccount(state));
        InvoiceRequested deposit = Requests.percentage(deal, "Deposit 30%", "30");
        send(deposit);
        awaitRejected(deposit);
        ConsumerRecord<String, byte[]> parked = awaitDeadLetters(deal, 1).get(0);
        TestZoho.variable("Books_Org_tax_" + SeedIds.US_ORG_ID + "_" + region,
                SeedIds.TAX_TX + "/" + SeedIds.TAX_AUTHORITY_TX);
        return new ParkedDeposit(deal, deposit, parked);
    }

    private double syncFailures(String category, String org) {
        Counter counter = meters.find("dealledger.sync.failures").tag("service", "invoice-service")
                .tag("category", category).tag("org", org).counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitSyncFailures(String category, String org, double expected) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(syncFailures(category, org)).isEqualTo(expected));
    }

    private List<Invoice> dealInvoices(String dealId) {
        return zoho.books().listInvoices(SeedIds.US_ORG_ID, Map.of("zcrm_potential_id", dealId)).collectList().block();
    }
}
