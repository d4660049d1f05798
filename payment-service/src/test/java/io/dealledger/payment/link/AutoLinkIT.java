package io.dealledger.payment.link;

import static io.dealledger.payment.support.Kafka.awaitFacts;
import static io.dealledger.payment.support.Kafka.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.events.InvoiceLinkRejected;
import io.dealledger.events.InvoiceLinked;
import io.dealledger.events.PaymentApplied;
import io.dealledger.payment.support.BooksApi;
import io.dealledger.payment.support.Emulator;
import io.dealledger.payment.support.Kafka;
import io.dealledger.payment.support.PaymentServiceTest;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Auto-association (issue 21): an invoice created directly in Books that names its CRM deal
 * ({@code zcrm_potential_id}) appears on the deal, with its payments, without anyone linking it.
 */
@PaymentServiceTest
class AutoLinkIT {

    private static final String ORG = Emulator.US_ORG;
    private static final String DEAL = SeedIds.DEAL_GLOBEX_CLOSED_WON;

    private final BooksApi books = new BooksApi(ORG);

    @Test
    void anInvoiceMadeInBooksNamingItsDealIsLinkedToItWithItsPaymentsWithoutALinkRequest() {
        String invoice = books.createInvoiceNamingDeal(SeedIds.BOOKS_CONTACT_GLOBEX, "1200", DEAL);
        books.pay(SeedIds.BOOKS_CONTACT_GLOBEX, invoice, "450");

        Kafka.invoiceChanged(ORG, invoice);

        var facts = awaitFacts(ORG, invoice, "InvoiceImported", "PaymentApplied", "InvoiceLinked");
        InvoiceLinked linked = only(facts, InvoiceLinked.class);
        assertThat(linked.getDealId()).isEqualTo(DEAL);
        assertThat(linked.getAccountId()).isEqualTo(SeedIds.ACCOUNT_GLOBEX_CA);
        assertThat(linked.getRequestId()).isEqualTo("auto:" + DEAL);
        assertThat(only(facts, PaymentApplied.class).getAmount()).isEqualByComparingTo("450");
    }

    @Test
    void anInvoiceNamingADealOfAnotherAccountIsARefusedLinkWithItsReason_decidedOnce() {
        String invoice = books.createInvoiceNamingDeal(SeedIds.BOOKS_CONTACT_SOYLENT, "300", DEAL);

        Kafka.invoiceChanged(ORG, invoice);
        InvoiceLinkRejected refused = only(awaitFacts(ORG, invoice, "InvoiceImported", "InvoiceLinkRejected"),
                InvoiceLinkRejected.class);
        assertThat(refused.getCode()).isEqualTo("CUSTOMER_MISMATCH");
        assertThat(refused.getMessage()).contains("Soylent Corp").contains("Globex Corporation");

        // seen again (a payment): recorded, and the refusal is not made again
        books.pay(SeedIds.BOOKS_CONTACT_SOYLENT, invoice, "100");
        Kafka.invoiceChanged(ORG, invoice);
        awaitFacts(ORG, invoice, "InvoiceImported", "InvoiceLinkRejected", "PaymentApplied");
    }

    @Test
    void anInvoiceAPersonUnlinkedIsNotLinkedAgainByBooksNamingItsDeal() {
        String invoice = books.createInvoiceNamingDeal(SeedIds.BOOKS_CONTACT_GLOBEX, "800", DEAL);
        Kafka.invoiceChanged(ORG, invoice);
        awaitFacts(ORG, invoice, "InvoiceImported", "InvoiceLinked");
        Kafka.unlinkRequested(ORG, invoice, DEAL, "unlink-" + UUID.randomUUID());
        awaitFacts(ORG, invoice, "InvoiceImported", "InvoiceLinked", "InvoiceUnlinked");

        books.pay(SeedIds.BOOKS_CONTACT_GLOBEX, invoice, "200");
        Kafka.invoiceChanged(ORG, invoice);

        awaitFacts(ORG, invoice, "InvoiceImported", "InvoiceLinked", "InvoiceUnlinked", "PaymentApplied");
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                Kafka.facts(ORG, invoice).stream().filter(InvoiceLinked.class::isInstance).count() == 1);
    }
}
