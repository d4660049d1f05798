package io.dealledger.gateway.webhook.books;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.dealledger.events.CreditNoteChanged;
import io.dealledger.events.InvoiceChanged;
import io.dealledger.events.PaymentDeleted;
import io.dealledger.events.PaymentReceived;
import io.dealledger.gateway.support.GatewayIT;
import io.dealledger.gateway.support.TestSecrets;
import io.dealledger.gateway.webhook.WebhookAccepted;
import io.dealledger.schemas.topics.Topics;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class BooksWebhookIT extends GatewayIT {

    private static final String SECRET_HEADER = "X-Dealledger-Webhook-Secret";

    private WebTestClient.ResponseSpec deliver(String path, String secret, MediaType type, String body) {
        WebTestClient.RequestBodySpec request = http.post().uri(path).contentType(type);
        if (secret != null) {
            request.header(SECRET_HEADER, secret);
        }
        return request.bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec deliver(String body) {
        return deliver("/webhooks/books/" + TestSecrets.ORG, TestSecrets.BOOKS, MediaType.APPLICATION_JSON, body);
    }

    /** The events about one Books record: keyed by their organization (books.events.v1 is partitioned by it). */
    private static List<SpecificRecord> published(String entityId) {
        return recordsWithKey(Topics.BOOKS_EVENTS, TestSecrets.ORG).stream().map(ConsumerRecord::value)
                .filter(event -> java.util.stream.Stream.of("paymentId", "invoiceId", "creditNoteId")
                        .anyMatch(field -> event.getSchema().getField(field) != null
                                && entityId.equals(String.valueOf(event.get(event.getSchema().getField(field).pos())))))
                .toList();
    }

    private static String payment(String paymentId, String invoiceId) {
        return """
                {"payment":{"payment_id":"%s","payment_number":"2","customer_id":"460000000001001",
                 "amount":2500.5,"currency_code":"USD","date":"2024-05-02","payment_mode":"Bank Transfer",
                 "invoices":[{"invoice_id":"%s","amount_applied":2500.5}],
                 "last_modified_time":"2024-05-02T10:15:30-0700","a_field_books_added_later":{"x":[1,2]}}}
                """.formatted(paymentId, invoiceId);
    }

    @Test
    void aPaymentWebhookBecomesPaymentReceivedKeyedByPaymentIdBeforeThe200() {
        String paymentId = newId();
        String invoiceId = newId();

        WebhookAccepted answer = deliver(payment(paymentId, invoiceId)).expectStatus().isOk()
                .expectBody(WebhookAccepted.class).returnResult().getResponseBody();

        assertThat(published(paymentId)).singleElement().isInstanceOfSatisfying(PaymentReceived.class, event -> {
            assertThat(event.getEventId()).isEqualTo(answer.eventIds().get(0));
            assertThat(event.getOrganizationId()).isEqualTo(TestSecrets.ORG);
            assertThat(event.getAmount()).isEqualTo(new BigDecimal("2500.500"));
            assertThat(event.getCurrency()).isEqualTo("USD");
            assertThat(event.getDate()).isEqualTo(LocalDate.of(2024, 5, 2));
            assertThat(event.getInvoiceIds()).containsExactly(invoiceId);
            assertThat(event.getCustomerId()).isEqualTo("460000000001001");
            assertThat(event.getSource()).isEqualTo("books");
        });
    }

    @Test
    void aRedeliveredWebhookCarriesTheSameEventId() {
        String paymentId = newId();
        String body = payment(paymentId, newId());

        deliver(body).expectStatus().isOk();
        deliver("/webhooks/books/" + TestSecrets.ORG, TestSecrets.BOOKS_PREVIOUS, MediaType.APPLICATION_JSON, body)
                .expectStatus().isOk();

        assertThat(published(paymentId)).hasSize(2)
                .extracting(event -> ((PaymentReceived) event).getEventId()).containsOnly(
                        ((PaymentReceived) published(paymentId).get(0)).getEventId());
    }

    @Test
    void aFormEncodedInvoiceWebhookBecomesInvoiceChanged() {
        String invoiceId = newId();
        String json = "{\"invoice\":{\"invoice_id\":" + invoiceId + ",\"invoice_number\":\"INV-00042\","
                + "\"status\":\"partially_paid\",\"total\":25000.0,\"currency_code\":\"EUR\"}}";

        deliver("/webhooks/books/" + TestSecrets.ORG, TestSecrets.BOOKS, MediaType.APPLICATION_FORM_URLENCODED,
                "JSONString=" + URLEncoder.encode(json, StandardCharsets.UTF_8)).expectStatus().isOk();

        assertThat(published(invoiceId)).singleElement().isInstanceOfSatisfying(InvoiceChanged.class, event -> {
            assertThat(event.getInvoiceNumber()).isEqualTo("INV-00042");
            assertThat(event.getStatus()).isEqualTo("partially_paid");
            assertThat(event.getTotal()).isEqualTo(new BigDecimal("25000.000"));
            assertThat(event.getCurrency()).isEqualTo("EUR");
        });
    }

    @Test
    void aCreditNoteWebhookBecomesCreditNoteChanged() {
        String creditNoteId = newId();

        deliver("{\"creditnote\":{\"creditnote_id\":\"" + creditNoteId + "\",\"status\":\"open\",\"total\":\"41.82\","
                + "\"currency_code\":\"KWD\"}}").expectStatus().isOk();

        assertThat(published(creditNoteId)).singleElement().isInstanceOfSatisfying(CreditNoteChanged.class, event -> {
            assertThat(event.getStatus()).isEqualTo("open");
            assertThat(event.getTotal()).isEqualTo(new BigDecimal("41.820"));
            assertThat(event.getCurrency()).isEqualTo("KWD");
        });
    }

    @Test
    void aPaymentDeletionIsRecognisedByTheEventHintOnTheUrl() {
        String paymentId = newId();
        String invoiceId = newId();

        deliver("/webhooks/books/" + TestSecrets.ORG + "?event=payment_deleted", TestSecrets.BOOKS,
                MediaType.APPLICATION_JSON, payment(paymentId, invoiceId)).expectStatus().isOk();

        assertThat(published(paymentId)).singleElement().isInstanceOfSatisfying(PaymentDeleted.class, event -> {
            assertThat(event.getPaymentId()).isEqualTo(paymentId);
            assertThat(event.getInvoiceIds()).containsExactly(invoiceId);
        });
    }

    @Test
    void aWrongSecretAnotherOrganizationsSecretOrAnUnknownOrganizationGet401AndPublishNothing() {
        String paymentId = newId();
        String body = payment(paymentId, newId());

        deliver("/webhooks/books/" + TestSecrets.ORG, null, MediaType.APPLICATION_JSON, body)
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(SECRET_HEADER);
        deliver("/webhooks/books/" + TestSecrets.ORG, "wrong-secret-value", MediaType.APPLICATION_JSON, body)
                .expectStatus().isUnauthorized();
        deliver("/webhooks/books/" + TestSecrets.ORG, TestSecrets.OTHER_BOOKS, MediaType.APPLICATION_JSON, body)
                .expectStatus().isUnauthorized();
        deliver("/webhooks/books/55555555", TestSecrets.BOOKS, MediaType.APPLICATION_JSON, body)
                .expectStatus().isUnauthorized();

        assertThat(published(paymentId)).isEmpty();
    }

    @Test
    void malformedInvalidAndOversizedWebhooksGet4xxProblemsAndPublishNothing() {
        String paymentId = newId();

        deliver("{\"payment\":{\"payment_id\":\"" + paymentId + "\"").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("body");
        deliver("{\"estimate\":{\"estimate_id\":\"" + paymentId + "\"}}").expectStatus().isBadRequest();
        deliver("{\"payment\":{\"payment_id\":\"" + paymentId + "\",\"amount\":-1}}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("payment.amount");
        deliver("{\"payment\":{\"payment_id\":\"" + paymentId + "\",\"currency_code\":\"usd\"}}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("payment.currency_code");
        deliver("/webhooks/books/" + TestSecrets.ORG + "?event=payment_edited", TestSecrets.BOOKS,
                MediaType.APPLICATION_JSON, payment(paymentId, newId())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("event");
        deliver("{\"payment\":{\"payment_id\":\"" + paymentId + "\",\"description\":\"" + "x".repeat(17_000) + "\"}}")
                .expectStatus().isEqualTo(413);

        assertThat(published(paymentId)).isEmpty();
    }
}
