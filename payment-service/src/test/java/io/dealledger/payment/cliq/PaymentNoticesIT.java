package io.dealledger.payment.cliq;

import static io.dealledger.payment.support.Kafka.awaitFacts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.payment.support.BooksApi;
import io.dealledger.payment.support.Emulator;
import io.dealledger.payment.support.Kafka;
import io.dealledger.payment.support.PaymentServiceTest;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@PaymentServiceTest
class PaymentNoticesIT {

    private static final String ORG = Emulator.US_ORG;

    private final BooksApi books = new BooksApi(ORG);

    @Test
    void aPaymentNotifiedThreeTimesIsAnnouncedInCliqOnceWithInvoiceAmountAndBalance() {
        String invoice = books.createInvoice(SeedIds.BOOKS_CONTACT_SOYLENT, "1234.50");
        String payment = books.pay(SeedIds.BOOKS_CONTACT_SOYLENT, invoice, "234.50");
        String number = books.invoice(invoice).path("invoice_number").asString();

        for (int i = 0; i < 3; i++) {
            Kafka.paymentReceived(ORG, payment);
        }
        awaitFacts(ORG, invoice, "InvoiceImported", "PaymentApplied");

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(messagesAbout(number)).hasSize(1));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> messagesAbout(number).size() == 1);
        assertThat(messagesAbout(number).get(0)).contains("234.50 USD").contains("remaining balance 1000.00 USD");
    }

    /** The scenario's invoice typed in Books, paid, then linked from the widget before the payment's webhook is handled. */
    @Test
    void aPaymentFirstSeenWhenItsInvoiceIsLinkedIsAnnouncedOnceWithTheDeal() {
        String invoice = books.createInvoice(SeedIds.BOOKS_CONTACT_GLOBEX, "800.00");
        books.pay(SeedIds.BOOKS_CONTACT_GLOBEX, invoice, "300.00");
        String number = books.invoice(invoice).path("invoice_number").asString();

        Kafka.linkRequested(ORG, invoice, SeedIds.DEAL_GLOBEX_CLOSED_WON, "link-" + UUID.randomUUID());
        awaitFacts(ORG, invoice, "InvoiceImported", "InvoiceLinked", "PaymentApplied");
        // Books sends no payment webhook here, only the invoice's, and it comes after the link: the invoice it
        // describes is what the ledger already holds, so nothing else would ever announce the payment
        Kafka.invoiceChanged(ORG, invoice, books.invoice(invoice));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(messagesAbout(number)).hasSize(1));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> messagesAbout(number).size() == 1);
        assertThat(messagesAbout(number).get(0)).contains("300.00 USD")
                .contains("for deal " + SeedIds.DEAL_GLOBEX_CLOSED_WON).contains("remaining balance 500.00 USD");
    }

    private static List<String> messagesAbout(String invoiceNumber) {
        JsonNode messages = Emulator.zoho().admin().get("cliq/messages?channel=payments-received");
        List<String> texts = new ArrayList<>();
        (messages.isArray() ? messages : messages.path("messages")).forEach(m -> {
            String text = m.toString();
            if (text.contains(invoiceNumber + " ") || text.contains(invoiceNumber + "\\n") || text.endsWith(invoiceNumber)) {
                texts.add(text);
            }
        });
        return texts;
    }
}
