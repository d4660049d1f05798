package io.dealledger.payment.link;

import static io.dealledger.payment.support.Kafka.awaitFacts;
import static io.dealledger.payment.support.Kafka.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceLinkRejected;
import io.dealledger.events.InvoiceLinked;
import io.dealledger.events.PaymentApplied;
import io.dealledger.payment.support.BooksApi;
import io.dealledger.payment.support.Emulator;
import io.dealledger.payment.support.Kafka;
import io.dealledger.payment.support.PaymentServiceTest;
import io.dealledger.schemas.EventIds;
import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.failures.SyncFailures;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.avro.specific.SpecificRecordBase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PaymentServiceTest
class InvoiceLinkIT {

    private static final String ORG = Emulator.US_ORG;
    private static final String GLOBEX = SeedIds.BOOKS_CONTACT_GLOBEX;

    private final BooksApi books = new BooksApi(ORG);

    @Autowired
    MeterRegistry meters;
    @Autowired
    Unlinks unlinks;

    @Test
    void linkingAnInvoiceCreatedInBooksAndAlreadyPartlyPaidBringsItsPayments() {
        String invoice = books.createInvoice(GLOBEX, "5000");
        String payment = books.pay(GLOBEX, invoice, "1500");

        Kafka.linkRequested(ORG, invoice, SeedIds.DEAL_GLOBEX_CLOSED_WON, "link-" + UUID.randomUUID());

        var facts = awaitFacts(ORG, invoice, "InvoiceImported", "InvoiceLinked", "PaymentApplied");
        assertThat(only(facts, InvoiceLinked.class).getDealId()).isEqualTo(SeedIds.DEAL_GLOBEX_CLOSED_WON);
        assertThat(only(facts, InvoiceLinked.class).getAccountId()).isEqualTo(SeedIds.ACCOUNT_GLOBEX_CA);
        PaymentApplied applied = only(facts, PaymentApplied.class);
        assertThat(applied.getPaymentId()).isEqualTo(payment);
        assertThat(applied.getAmount()).isEqualByComparingTo("1500");
    }

    @Test
    void linkingAnInvoiceOfAnotherCustomerIsRefusedNamingBothCustomers() {
        String soylentInvoice = books.createInvoice(SeedIds.BOOKS_CONTACT_SOYLENT, "700");
        String request = "link-" + UUID.randomUUID();
        double refusedBefore = refusedLinks();

        Kafka.linkRequested(ORG, soylentInvoice, SeedIds.DEAL_GLOBEX_CLOSED_WON, request);

        InvoiceLinkRejected rejected = only(awaitFacts(ORG, soylentInvoice, "InvoiceLinkRejected"), InvoiceLinkRejected.class);
        assertThat(rejected.getCode()).isEqualTo("CUSTOMER_MISMATCH");
        assertThat(rejected.getCategory()).isEqualTo(FailureCategory.LINK_REFUSED.name());
        assertThat(refusedLinks()).isEqualTo(refusedBefore + 1);
        assertThat(rejected.getRequestId()).isEqualTo(request);
        assertThat(rejected.getMessage()).contains("Soylent Corp").contains("Globex Corporation")
                .contains(SeedIds.BOOKS_CONTACT_SOYLENT).contains(GLOBEX);
    }

    @Test
    void linkingAnInvoiceBooksDoesNotHaveIsRefused() {
        Kafka.linkRequested(ORG, "460000999999999", SeedIds.DEAL_GLOBEX_CLOSED_WON, "link-" + UUID.randomUUID());

        SpecificRecordBase rejected = awaitFacts(ORG, "460000999999999", "InvoiceLinkRejected").get(0);
        assertThat(((InvoiceLinkRejected) rejected).getCode()).isEqualTo("INVOICE_NOT_FOUND");
    }

    @Test
    void anUnlinkedInvoiceIsNotLinkedAgainByItsOutcomeDeliveredAgainNorByBooksChangingIt() {
        // Given an invoice dealledger issued for Globex's deal (Books names the deal on it), then unlinked by a person
        String invoice = books.createInvoice(GLOBEX, "2000");
        String request = "req-" + UUID.randomUUID();
        InvoiceIssued issued = issued(invoice, request);
        Kafka.send(Topics.INVOICE_OUTCOMES, SeedIds.DEAL_GLOBEX_CLOSED_WON, issued);
        awaitFacts(ORG, invoice, "InvoiceImported", "InvoiceLinked");
        Kafka.unlinkRequested(ORG, invoice, SeedIds.DEAL_GLOBEX_CLOSED_WON, "unlink-" + UUID.randomUUID());
        awaitFacts(ORG, invoice, "InvoiceImported", "InvoiceLinked", "InvoiceUnlinked");
        double outcomesHandled = handled("InvoiceIssued");

        // When the same outcome arrives again (a replay of its request answers with the same invoice), later
        Kafka.send(Topics.INVOICE_OUTCOMES, SeedIds.DEAL_GLOBEX_CLOSED_WON, InvoiceIssued.newBuilder(issued)
                .setOccurredAt(Instant.now()).build());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> handled("InvoiceIssued") > outcomesHandled);
        // and Books changes the invoice: a payment
        books.pay(GLOBEX, invoice, "500");
        Kafka.invoiceChanged(ORG, invoice);

        // Then the payment is recorded, but the invoice stays unlinked: no second link
        var facts = awaitFacts(ORG, invoice, "InvoiceImported", "InvoiceLinked", "InvoiceUnlinked", "PaymentApplied");
        assertThat(facts.get(facts.size() - 1)).isInstanceOf(PaymentApplied.class);
        assertThat(unlinks.unlinkedByAPerson(ORG, invoice)).isTrue();

        // and only a person links it again
        Kafka.linkRequested(ORG, invoice, SeedIds.DEAL_GLOBEX_CLOSED_WON, "link-" + UUID.randomUUID());
        awaitFacts(ORG, invoice, "InvoiceImported", "InvoiceLinked", "InvoiceUnlinked", "PaymentApplied", "InvoiceLinked");
        assertThat(unlinks.unlinkedByAPerson(ORG, invoice)).isFalse();
    }

    /** The outcome invoice-service publishes for the Books invoice, with Books' own terms. */
    private InvoiceIssued issued(String invoice, String request) {
        var books = this.books.invoice(invoice);
        return InvoiceIssued.newBuilder().setEventId(EventIds.derive("InvoiceIssued", request))
                .setOccurredAt(Instant.now()).setSource("invoice-service").setOrganizationId(ORG).setRequestId(request)
                .setDealId(SeedIds.DEAL_GLOBEX_CLOSED_WON).setInvoiceId(invoice)
                .setInvoiceNumber(books.path("invoice_number").asString()).setCustomerId(GLOBEX)
                .setTotal(new BigDecimal(books.path("total").asString()).setScale(3))
                .setCurrency(books.path("currency_code").asString())
                .setInvoiceDate(LocalDate.parse(books.path("date").asString()))
                .setDueDate(LocalDate.parse(books.path("due_date").asString()))
                .setAccountId(SeedIds.ACCOUNT_GLOBEX_CA).build();
    }

    private double handled(String type) {
        return meters.find("dealledger.payment.notifications").tag("type", type).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private double refusedLinks() {
        var counter = meters.find(SyncFailures.METRIC).tags("category", "LINK_REFUSED", "org", ORG).counter();
        return counter == null ? 0 : counter.count();
    }
}
