package io.dealledger.payment.notification;

import static io.dealledger.payment.support.Kafka.awaitFacts;
import static io.dealledger.payment.support.Kafka.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.events.CreditApplied;
import io.dealledger.events.CreditRefunded;
import io.dealledger.events.InvoiceAmended;
import io.dealledger.events.InvoiceImported;
import io.dealledger.events.InvoiceWrittenOff;
import io.dealledger.events.PaymentApplied;
import io.dealledger.events.PaymentReversalReason;
import io.dealledger.events.PaymentReversed;
import io.dealledger.payment.support.BooksApi;
import io.dealledger.payment.support.BooksCalls;
import io.dealledger.payment.support.Emulator;
import io.dealledger.payment.support.Kafka;
import io.dealledger.payment.support.PaymentServiceTest;
import io.dealledger.schemas.EventIds;

import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Books notifications (US org, not polled) become exactly the facts the Books records imply. */
@PaymentServiceTest
class BooksNotificationIT {

    private static final String ORG = Emulator.US_ORG;
    private static final String SOYLENT = SeedIds.BOOKS_CONTACT_SOYLENT;

    private final BooksApi books = new BooksApi(ORG);

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void aPartialPaymentIsOnePaymentAppliedAndImportsItsInvoice() {
        String invoice = books.createInvoice(SOYLENT, "1000");
        String payment = books.pay(SOYLENT, invoice, "400");

        Kafka.paymentReceived(ORG, payment);

        List<SpecificRecordBase> facts = awaitFacts(ORG, invoice, "InvoiceImported", "PaymentApplied");
        PaymentApplied applied = only(facts, PaymentApplied.class);
        assertThat(applied.getAmount()).isEqualByComparingTo("400");
        assertThat(applied.getSequence()).as("the payment's first statement on the invoice").isEqualTo(1);
        assertThat(applied.getEventId()).isEqualTo(EventIds.derive("PaymentApplied", ORG, payment, invoice, "#1",
                "400.000"));
        assertThat(only(facts, InvoiceImported.class).getTotal()).isEqualByComparingTo("1000");
    }

    /**
     * Issue 17, as a Books user does it: a payment of 500 with 300 applied to the invoice, then its unused 200
     * applied to the same invoice ({@code POST /invoices/{id}/credits} with {@code invoice_payments}). Books shows
     * 500 paid; the ledger stayed at 300 for good.
     */
    /**
     * Issue 20: Books sends a payment's webhook and its invoice's together, and either may be polled first. In one
     * batch the payment is read (one call) and the invoice's webhook then says what the ledger holds (none), so a
     * payment costs one Books call, not three (the invoice, its payments, then the payment for nothing).
     */
    @Test
    void aPaymentsWebhookAndItsInvoicesInOneBatchCostOneBooksCallEvenWithTheInvoiceFirst() {
        // Given an invoice the ledger knows
        String invoice = books.createInvoice(SOYLENT, "1000");
        Kafka.invoiceChanged(ORG, invoice);
        awaitFacts(ORG, invoice, "InvoiceImported");
        // And a payment in Books while payment-service was busy, the invoice's webhook queued before the payment's
        MessageListenerContainer notifications = listeners.getListenerContainer("books-notifications");
        notifications.stop();
        long callsBefore;
        long paymentReadsBefore;
        String payment;
        try {
            payment = books.pay(SOYLENT, invoice, "250");
            callsBefore = BooksCalls.all(ORG);
            paymentReadsBefore = BooksCalls.count(ORG, "GET", "/books/v3/customerpayments/{id}");
            Kafka.invoiceChanged(ORG, invoice, books.invoice(invoice));
            // on the invoice's partition: in the batch, surely behind it
            Kafka.paymentReceivedBehind(invoice, ORG, payment);
        } finally {
            notifications.start();
        }

        // Then the payment is counted once
        PaymentApplied applied = only(awaitFacts(ORG, invoice, "InvoiceImported", "PaymentApplied"),
                PaymentApplied.class);
        assertThat(applied.getPaymentId()).isEqualTo(payment);
        assertThat(applied.getAmount()).isEqualByComparingTo("250");
        // And it cost one Books call: the payment's read
        org.awaitility.Awaitility.await().during(java.time.Duration.ofSeconds(2))
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(BooksCalls.all(ORG) - callsBefore).isEqualTo(1));
        assertThat(BooksCalls.count(ORG, "GET", "/books/v3/customerpayments/{id}") - paymentReadsBefore).isEqualTo(1);
    }

    /**
     * The invoice's webhook came alone, and had the payment read with the invoice: the payment's own webhook, saying
     * what the ledger now counts, costs no read. One saying otherwise is read back.
     */
    @Test
    void aPaymentsWebhookSayingWhatItsInvoicesReadCountedCostsNoBooksCall() {
        // Given an invoice the ledger knows, paid 250 in Books, its webhook handled first (payment read with it)
        String invoice = books.createInvoice(SOYLENT, "1000");
        Kafka.invoiceChanged(ORG, invoice);
        awaitFacts(ORG, invoice, "InvoiceImported");
        String payment = books.pay(SOYLENT, invoice, "250");
        Kafka.invoiceChanged(ORG, invoice, books.invoice(invoice));
        awaitFacts(ORG, invoice, "InvoiceImported", "PaymentApplied");
        long callsBefore = BooksCalls.all(ORG);
        double asNotifiedBefore = asNotified();

        // When the payment's webhook comes, saying 250 on that invoice
        Kafka.paymentReceived(ORG, payment, "USD", invoice, "250");

        // Then it is taken as what the ledger holds, with no Books call
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> asNotified() > asNotifiedBefore);
        assertThat(BooksCalls.all(ORG) - callsBefore).isZero();

        // And a webhook saying 300 where the ledger counts 250 is read back (Books: 250, nothing new)
        Kafka.paymentReceived(ORG, payment, "USD", invoice, "300");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(BooksCalls.all(ORG) - callsBefore).isEqualTo(1));
        PaymentApplied applied = only(Kafka.facts(ORG, invoice), PaymentApplied.class);
        assertThat(applied.getAmount()).isEqualByComparingTo("250");
    }

    private double asNotified() {
        var counter = meters.find("dealledger.payment.notifications").tag("type", "PaymentReceived")
                .tag("outcome", "unchanged_as_notified").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aPaymentsUnusedAmountAppliedLaterToTheSameInvoiceCountsThereInFull() {
        String invoice = books.createInvoice(SOYLENT, "1000");
        String payment = books.payLeavingUnused(SOYLENT, "500", invoice, "300");
        Kafka.paymentReceived(ORG, payment);
        awaitFacts(ORG, invoice, "InvoiceImported", "PaymentApplied");

        books.applyUnused(invoice, payment, "200");
        Kafka.paymentReceived(ORG, payment);

        List<SpecificRecordBase> facts = awaitFacts(ORG, invoice, "InvoiceImported", "PaymentApplied", "PaymentApplied");
        PaymentApplied standing = facts.stream().filter(PaymentApplied.class::isInstance).map(PaymentApplied.class::cast)
                .max(java.util.Comparator.comparingLong(PaymentApplied::getSequence)).orElseThrow();
        assertThat(standing.getAmount()).isEqualByComparingTo("500");
        assertThat(standing.getSequence()).isEqualTo(2);
        assertThat(books.invoice(invoice).path("payment_made").decimalValue()).isEqualByComparingTo("500");
    }

    @Test
    void aPaymentSplitAcrossTwoInvoicesIsOnePaymentAppliedPerInvoice() {
        String first = books.createInvoice(SOYLENT, "500");
        String second = books.createInvoice(SOYLENT, "700");
        String payment = books.pay(SOYLENT, first, "500", second, "200");

        Kafka.paymentReceived(ORG, payment);

        assertThat(only(awaitFacts(ORG, first, "InvoiceImported", "PaymentApplied"), PaymentApplied.class).getAmount())
                .isEqualByComparingTo("500");
        assertThat(only(awaitFacts(ORG, second, "InvoiceImported", "PaymentApplied"), PaymentApplied.class).getAmount())
                .isEqualByComparingTo("200");
    }

    @Test
    void theSameNotificationDeliveredFiveTimesPublishesEachFactOnce_noDuplicateRecordsOnTheTopic() {
        String invoice = books.createInvoice(SOYLENT, "800");
        String payment = books.pay(SOYLENT, invoice, "300");

        for (int i = 0; i < 5; i++) {
            Kafka.paymentReceived(ORG, payment);
            Kafka.invoiceChanged(ORG, invoice);
        }

        awaitFacts(ORG, invoice, "InvoiceImported", "PaymentApplied");
        org.awaitility.Awaitility.await().during(java.time.Duration.ofSeconds(3)).atMost(java.time.Duration.ofSeconds(10))
                .until(() -> Kafka.facts(ORG, invoice).size() == 2);
    }

    @Test
    void aCreditNoteAppliedIsACreditAppliedKeyedByItsApplication() {
        String invoice = books.createInvoice(SOYLENT, "900");
        String note = books.createCreditNote(SOYLENT, "150");
        books.applyCredit(note, invoice, "150");

        Kafka.creditNoteChanged(ORG, note);

        CreditApplied credit = only(awaitFacts(ORG, invoice, "InvoiceImported", "CreditApplied"), CreditApplied.class);
        assertThat(credit.getAmount()).isEqualByComparingTo("150");
        assertThat(credit.getCreditNoteId()).isEqualTo(note);
        assertThat(credit.getApplicationId()).isNotBlank();
    }

    @Test
    void aCreditNoteRefundIsACreditRefundedOnTheInvoiceTheNoteWasAppliedTo() {
        String invoice = books.createInvoice(SOYLENT, "600");
        String note = books.createCreditNote(SOYLENT, "100");
        books.applyCredit(note, invoice, "60");
        String refund = books.refundCredit(note, "40");

        Kafka.creditNoteChanged(ORG, note);

        List<SpecificRecordBase> facts = awaitFacts(ORG, invoice, "InvoiceImported", "CreditApplied", "CreditRefunded");
        CreditRefunded refunded = only(facts, CreditRefunded.class);
        assertThat(refunded.getAmount()).isEqualByComparingTo("40");
        assertThat(refunded.getRefundId()).isEqualTo(refund);
    }

    @Test
    void aWriteOffIsAnInvoiceWrittenOffOfTheRemainingBalance() {
        String invoice = books.createInvoice(SOYLENT, "1000");
        String payment = books.pay(SOYLENT, invoice, "900");
        Kafka.paymentReceived(ORG, payment);
        awaitFacts(ORG, invoice, "InvoiceImported", "PaymentApplied");

        books.writeOff(invoice);
        Kafka.invoiceChanged(ORG, invoice);

        List<SpecificRecordBase> facts = awaitFacts(ORG, invoice, "InvoiceImported", "PaymentApplied", "InvoiceWrittenOff");
        assertThat(only(facts, InvoiceWrittenOff.class).getAmount()).isEqualByComparingTo("100");
    }

    @Test
    void aVoidIsAnInvoiceVoided() {
        String invoice = books.createInvoice(SOYLENT, "250");
        Kafka.invoiceChanged(ORG, invoice);
        awaitFacts(ORG, invoice, "InvoiceImported");

        books.voidInvoice(invoice);
        Kafka.invoiceChanged(ORG, invoice);

        awaitFacts(ORG, invoice, "InvoiceImported", "InvoiceVoided");
    }

    @Test
    void anAmendedTotalIsAnInvoiceAmendedAtTheBooksRevision() {
        String invoice = books.createInvoice(SOYLENT, "2000");
        Kafka.invoiceChanged(ORG, invoice);
        awaitFacts(ORG, invoice, "InvoiceImported");

        books.editInvoiceTotal(invoice, "2500");
        Kafka.invoiceChanged(ORG, invoice);
        Kafka.invoiceChanged(ORG, invoice);

        InvoiceAmended amended = only(awaitFacts(ORG, invoice, "InvoiceImported", "InvoiceAmended"), InvoiceAmended.class);
        assertThat(amended.getTotal()).isEqualByComparingTo(new BigDecimal("2500"));
        assertThat(amended.getRevision()).isEqualTo(books.invoice(invoice).path("last_modified_time").asString());
    }

    @Test
    void aDeletedPaymentIsReversedOnEveryInvoiceItPaid() {
        String invoice = books.createInvoice(SOYLENT, "300");
        String payment = books.pay(SOYLENT, invoice, "120");
        Kafka.paymentReceived(ORG, payment);
        awaitFacts(ORG, invoice, "InvoiceImported", "PaymentApplied");

        books.deletePayment(payment);
        Kafka.paymentDeleted(ORG, payment, List.of(invoice));

        PaymentReversed reversed = only(awaitFacts(ORG, invoice, "InvoiceImported", "PaymentApplied", "PaymentReversed"),
                PaymentReversed.class);
        assertThat(reversed.getReason()).isEqualTo(PaymentReversalReason.DELETED);
        assertThat(reversed.getAmount()).isEqualByComparingTo("120");
    }
}
