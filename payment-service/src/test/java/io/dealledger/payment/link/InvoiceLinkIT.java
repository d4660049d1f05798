package io.dealledger.payment.link;

import static io.dealledger.payment.support.Kafka.awaitFacts;
import static io.dealledger.payment.support.Kafka.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.events.InvoiceLinkRejected;
import io.dealledger.events.InvoiceLinked;
import io.dealledger.events.PaymentApplied;
import io.dealledger.payment.support.BooksApi;
import io.dealledger.payment.support.Emulator;
import io.dealledger.payment.support.Kafka;
import io.dealledger.payment.support.PaymentServiceTest;
import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.service.failures.SyncFailures;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PaymentServiceTest
class InvoiceLinkIT {

    private static final String ORG = Emulator.US_ORG;
    private static final String GLOBEX = SeedIds.BOOKS_CONTACT_GLOBEX;

    private final BooksApi books = new BooksApi(ORG);

    @Autowired
    MeterRegistry meters;

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

    private double refusedLinks() {
        var counter = meters.find(SyncFailures.METRIC).tags("category", "LINK_REFUSED", "org", ORG).counter();
        return counter == null ? 0 : counter.count();
    }
}
