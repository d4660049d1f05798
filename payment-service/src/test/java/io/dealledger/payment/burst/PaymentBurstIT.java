package io.dealledger.payment.burst;

import static io.dealledger.payment.support.Kafka.awaitFacts;
import static io.dealledger.payment.support.Kafka.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.events.InvoiceAmended;
import io.dealledger.events.InvoiceImported;
import io.dealledger.events.PaymentApplied;
import io.dealledger.payment.support.BooksApi;
import io.dealledger.payment.support.BooksCalls;
import io.dealledger.payment.support.Emulator;
import io.dealledger.payment.support.Kafka;
import io.dealledger.payment.support.PaymentServiceTest;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * A burst of payment webhooks for one organization (US, not polled) is checked against one list read of the
 * invoices' balances, not read back payment by payment; a notification that does not add up is read back.
 */
@PaymentServiceTest
class PaymentBurstIT {

    private static final String ORG = Emulator.US_ORG;
    private static final String SOYLENT = SeedIds.BOOKS_CONTACT_SOYLENT;

    private final BooksApi books = new BooksApi(ORG);

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aBurstOfThirtyPaymentsCostsOneListReadAndTheOneThatDoesNotAddUpIsReadBack() {
        // Given 30 invoices the ledger knows
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String invoice = books.createInvoice(SOYLENT, "100");
            Kafka.invoiceChanged(ORG, invoice);
            invoices.add(invoice);
        }
        invoices.forEach(invoice -> awaitFacts(ORG, invoice, "InvoiceImported"));
        // And 30 payments of 40 made in Books while payment-service was busy: their webhooks queue up
        MessageListenerContainer notifications = listeners.getListenerContainer("books-notifications");
        notifications.stop();
        List<String> payments = new ArrayList<>();
        long paymentReadsBefore = BooksCalls.count(ORG, "GET", "/books/v3/customerpayments/{id}");
        long listReadsBefore = BooksCalls.count(ORG, "GET", "/books/v3/invoices");
        long invoiceReadsBefore = BooksCalls.count(ORG, "GET", "/books/v3/invoices/{id}");
        try {
            for (int i = 0; i < invoices.size(); i++) {
                String payment = books.pay(SOYLENT, invoices.get(i), "40");
                payments.add(payment);
                // the last webhook says 35 where Books says 40
                Kafka.paymentReceived(ORG, payment, "USD", invoices.get(i), i == invoices.size() - 1 ? "35" : "40");
            }
        } finally {
            notifications.start();
        }

        // Then every payment is its fact, at Books' amount
        for (int i = 0; i < invoices.size(); i++) {
            PaymentApplied applied = only(awaitFacts(ORG, invoices.get(i), "InvoiceImported", "PaymentApplied"),
                    PaymentApplied.class);
            assertThat(applied.getPaymentId()).isEqualTo(payments.get(i));
            assertThat(applied.getAmount()).isEqualByComparingTo("40");
        }
        // And the burst cost a list page (two, should the queued webhooks come in two batches), one more once the
        // notifications stopped and the invoice Books shows ahead had waited for nothing, and the read back of it
        assertThat(BooksCalls.count(ORG, "GET", "/books/v3/customerpayments/{id}") - paymentReadsBefore)
                .as("no payment read back one by one").isZero();
        assertThat(BooksCalls.count(ORG, "GET", "/books/v3/invoices") - listReadsBefore).isBetween(1L, 3L);
        assertThat(BooksCalls.count(ORG, "GET", "/books/v3/invoices/{id}") - invoiceReadsBefore)
                .as("the invoice whose webhook said 35").isEqualTo(1);
    }

    /**
     * A burst still arriving: Books already holds payments whose webhooks are queued behind the batch read first, so
     * its balances are ahead of that batch. The invoices wait for the rest of the burst instead of being read back.
     */
    @Test
    void aBurstWhoseWebhooksTrailBooksWaitsForThemInsteadOfReadingEachInvoiceBack() {
        // Given 20 invoices of 100 the ledger knows
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String invoice = books.createInvoice(SOYLENT, "100");
            Kafka.invoiceChanged(ORG, invoice);
            invoices.add(invoice);
        }
        invoices.forEach(invoice -> awaitFacts(ORG, invoice, "InvoiceImported"));
        // And two payments of 30 on each, made in Books while payment-service was busy, of which only the first
        // ones' webhooks are queued yet
        MessageListenerContainer notifications = listeners.getListenerContainer("books-notifications");
        notifications.stop();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        long paymentReadsBefore = BooksCalls.count(ORG, "GET", "/books/v3/customerpayments/{id}");
        long listReadsBefore = BooksCalls.count(ORG, "GET", "/books/v3/invoices");
        long invoiceReadsBefore = BooksCalls.count(ORG, "GET", "/books/v3/invoices/{id}");
        try {
            for (String invoice : invoices) {
                first.add(books.pay(SOYLENT, invoice, "30"));
                second.add(books.pay(SOYLENT, invoice, "30"));
                Kafka.paymentReceived(ORG, first.get(first.size() - 1), "USD", invoice, "30");
            }
        } finally {
            notifications.start();
        }

        // When the burst's first list read has shown Books ahead, the second payments' webhooks arrive
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> BooksCalls.count(ORG, "GET", "/books/v3/invoices") > listReadsBefore);
        for (int i = 0; i < invoices.size(); i++) {
            Kafka.paymentReceived(ORG, second.get(i), "USD", invoices.get(i), "30");
        }

        // Then both payments of every invoice are its facts, at Books' amounts
        for (int i = 0; i < invoices.size(); i++) {
            var applied = awaitFacts(ORG, invoices.get(i), "InvoiceImported", "PaymentApplied", "PaymentApplied")
                    .stream().filter(PaymentApplied.class::isInstance).map(PaymentApplied.class::cast).toList();
            assertThat(applied).extracting(PaymentApplied::getPaymentId)
                    .containsExactlyInAnyOrder(first.get(i), second.get(i));
            assertThat(applied).allSatisfy(payment -> assertThat(payment.getAmount()).isEqualByComparingTo("30"));
        }
        // And no invoice and no payment was read back: a list read per batch
        assertThat(BooksCalls.count(ORG, "GET", "/books/v3/invoices/{id}") - invoiceReadsBefore)
                .as("invoices read back").isZero();
        assertThat(BooksCalls.count(ORG, "GET", "/books/v3/customerpayments/{id}") - paymentReadsBefore)
                .as("payments read one by one").isZero();
        // one list read per batch the listener got: how the 40 webhooks fall into batches depends on the machine's
        // load (2 to 6 seen), but it is always fewer reads than invoices
        assertThat(BooksCalls.count(ORG, "GET", "/books/v3/invoices") - listReadsBefore)
                .as("list reads, one per batch").isBetween(2L, (long) invoices.size() - 1);
    }

    /**
     * Drafts the ledger imported (counting nothing), then paid in Books in a burst: paying a draft makes it a real
     * receivable in Books, and the balances add up, but the ledger must still learn the invoices now count.
     */
    @Test
    void draftsPaidInABurstAreReadBackSoTheLedgerCountsThem() {
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String invoice = books.createDraftInvoice(SOYLENT, "100");
            Kafka.invoiceChanged(ORG, invoice);
            invoices.add(invoice);
        }
        invoices.forEach(invoice -> assertThat(only(awaitFacts(ORG, invoice, "InvoiceImported"), InvoiceImported.class)
                .getStatus()).isEqualTo("draft"));
        MessageListenerContainer notifications = listeners.getListenerContainer("books-notifications");
        notifications.stop();
        try {
            for (String invoice : invoices) {
                Kafka.paymentReceived(ORG, books.pay(SOYLENT, invoice, "40"), "USD", invoice, "40");
            }
        } finally {
            notifications.start();
        }

        for (String invoice : invoices) {
            var facts = awaitFacts(ORG, invoice, "InvoiceImported", "InvoiceAmended", "PaymentApplied");
            assertThat(only(facts, InvoiceAmended.class).getStatus()).isEqualTo("partially_paid");
            assertThat(only(facts, PaymentApplied.class).getAmount()).isEqualByComparingTo("40");
        }
    }
}
