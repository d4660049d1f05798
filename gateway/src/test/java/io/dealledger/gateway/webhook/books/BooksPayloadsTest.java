package io.dealledger.gateway.webhook.books;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.dealledger.events.InvoiceChanged;
import io.dealledger.events.PaymentDeleted;
import io.dealledger.gateway.json.JsonBodies;
import io.dealledger.gateway.problem.Refusal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class BooksPayloadsTest {

    private static final Instant RECEIVED = Instant.parse("2025-03-01T12:00:00Z");

    private static ObjectNode json(String text) {
        return JsonBodies.object(text.getBytes(StandardCharsets.UTF_8));
    }

    private static BooksPayloads.Normalized normalize(String body, String hint) {
        return BooksPayloads.normalize("10234695", json(body), hint, RECEIVED);
    }

    @Test
    void theEventIdFollowsBooksLastModifiedTimeSoARedeliveryIsRecognisable() {
        String v1 = "{\"invoice\":{\"invoice_id\":\"1\",\"status\":\"sent\",\"last_modified_time\":\"2024-05-02T10:15:30-0700\"}}";
        String v2 = v1.replace("10:15:30", "10:16:00").replace("sent", "paid");

        assertThat(normalize(v1, null).eventId()).isEqualTo(normalize(v1, null).eventId())
                .isNotEqualTo(normalize(v2, null).eventId());
        assertThat(((InvoiceChanged) normalize(v1, null).event()).getOccurredAt())
                .isEqualTo(Instant.parse("2024-05-02T17:15:30Z"));
    }

    /** Books' times have whole seconds: created as a draft, marked sent and paid within one second (issue 15's run). */
    @Test
    void twoStatesNotifiedWithinTheSameSecondAreTwoEventsAndARedeliveryIsOne() {
        String draft = "{\"invoice\":{\"invoice_id\":\"1\",\"status\":\"draft\",\"balance\":300,"
                + "\"last_modified_time\":\"2024-05-02T10:15:30-0700\"}}";
        String sent = draft.replace("draft", "sent");
        String paid = draft.replace("draft", "partially_paid").replace("300", "200");
        String redelivered = "{\"invoice\":{\"last_modified_time\":\"2024-05-02T10:15:30-0700\",\"balance\":300,"
                + "\"status\":\"draft\",\"invoice_id\":\"1\"}}";

        assertThat(java.util.Set.of(normalize(draft, null).eventId(), normalize(sent, null).eventId(),
                normalize(paid, null).eventId())).hasSize(3);
        assertThat(normalize(redelivered, null).eventId()).isEqualTo(normalize(draft, null).eventId());
    }

    @Test
    void withoutAModificationTimeTheIdIsAHashOfTheRecordWhateverItsKeyOrder() {
        String a = "{\"invoice\":{\"invoice_id\":\"1\",\"status\":\"sent\",\"total\":10}}";
        String b = "{\"invoice\":{\"total\":10,\"status\":\"sent\",\"invoice_id\":\"1\"}}";
        String changed = "{\"invoice\":{\"invoice_id\":\"1\",\"status\":\"paid\",\"total\":10}}";

        assertThat(normalize(a, null).eventId()).isEqualTo(normalize(b, null).eventId())
                .isNotEqualTo(normalize(changed, null).eventId());
        assertThat(normalize(a, null).event().get(1)).isEqualTo(RECEIVED);
    }

    @Test
    void aDeletionHintInTheBodyOrTheUrlMakesPaymentDeleted() {
        String payment = "{\"payment\":{\"payment_id\":\"7\",\"invoice_id\":\"8\"},\"event_type\":\"payment_deleted\"}";

        assertThat(normalize(payment, null).event()).isInstanceOf(PaymentDeleted.class);
        assertThat(normalize(payment, "payment_deleted").key()).as("keyed by organization").isEqualTo("10234695");
        assertThatThrownBy(() -> normalize(payment, "something_else")).isInstanceOf(Refusal.class);
    }

    @Test
    void amountsKeepScaleThreeAndRefuseMoreDecimals() {
        assertThatThrownBy(() -> normalize("{\"payment\":{\"payment_id\":\"7\",\"amount\":1.0005}}", null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("payment.amount"));
        assertThat(normalize("{\"payment\":{\"payment_id\":\"7\",\"amount\":1.5000000}}", null).event().get(6))
                .hasToString("1.500");
    }
}
