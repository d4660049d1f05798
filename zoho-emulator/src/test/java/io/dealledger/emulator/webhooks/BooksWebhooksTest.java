package io.dealledger.emulator.webhooks;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dealledger.emulator.support.EmulatorTest;
import io.dealledger.emulator.support.Json;
import io.dealledger.emulator.support.Response;
import io.dealledger.emulator.support.WebhookReceiver;

import static io.dealledger.emulator.seed.SeedIds.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BooksWebhooksTest extends EmulatorTest {

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private void webhook(String entity, String events, String secret) {
        Response created = zoho.post(books("/settings/webhooks", US), json("{'webhook_name':'dealledger " + entity + "','entity':'" + entity
                + "','url':'" + receiver.url("/webhooks/books/" + US) + "','method':'POST','events':[" + events + "]"
                + ",'headers':[{'param_name':'X-Dealledger-Books-Secret','param_value':'s3cr3t'}]" + secret + "}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private String invoice(String amount) {
        return zoho.post(books("/invoices", US) + "&send=true", json("{'customer_id':'" + BOOKS_CONTACT_SOYLENT
                + "','line_items':[{'name':'Work','rate':" + amount + "}]}")).json().string("invoice.invoice_id");
    }

    private List<Json> bodies() {
        return receiver.received().stream().map(WebhookReceiver.Received::json).toList();
    }

    @Test
    void postsTheInvoiceUnderItsEntityKeyWithTheCustomHeaders() {
        webhook("invoice", "", "");

        String id = invoice("100");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
        WebhookReceiver.Received received = receiver.received().get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.uri()).isEqualTo("/webhooks/books/" + US);
        assertThat(received.header("X-Dealledger-Books-Secret")).isEqualTo("s3cr3t");
        assertThat(received.header("Content-Type")).startsWith("application/json");
        assertThat(received.json().string("invoice.invoice_id")).isEqualTo(id);
        assertThat(received.json().string("invoice.status")).isEqualTo("sent");
        await().atMost(Duration.ofSeconds(5)).until(() -> anonymous.get("/_emulator/deliveries?kind=books_webhook").json()
                .string("deliveries[0].outcome").equals("DELIVERED"));
    }

    @Test
    void paymentAndCreditNoteEventsCarryTheirOwnPayloads() {
        webhook("customerpayment", "'payment_created'", "");
        webhook("creditnote", "'creditnote_refunded'", "");
        String id = invoice("100");

        zoho.post(books("/customerpayments", US), json("{'customer_id':'" + BOOKS_CONTACT_SOYLENT
                + "','payment_mode':'cash','amount':40,'invoices':[{'invoice_id':'" + id + "','amount_applied':40}]}"));
        String note = zoho.post(books("/creditnotes", US), json("{'customer_id':'" + BOOKS_CONTACT_SOYLENT
                + "','line_items':[{'name':'Refundable','rate':25}]}")).json().string("creditnote.creditnote_id");
        zoho.post(books("/creditnotes/" + note + "/refunds", US), json("{'amount':25,'refund_mode':'cash'}"));

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 2);
        Json payment = bodies().stream().filter(b -> b.at("payment") != null).findFirst().orElseThrow();
        Json creditnote = bodies().stream().filter(b -> b.at("creditnote") != null).findFirst().orElseThrow();
        assertThat(payment.decimal("payment.amount")).isEqualByComparingTo("40");
        assertThat(payment.string("payment.invoices[0].invoice_id")).isEqualTo(id);
        assertThat(creditnote.string("creditnote.status")).isEqualTo("closed");
    }

    @Test
    void signsTheBodyWhenTheWebhookHasASecret() throws Exception {
        webhook("invoice", "", ",'secret':'abcdef123456'");

        invoice("10");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
        WebhookReceiver.Received received = receiver.received().get(0);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("abcdef123456".getBytes(), "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal(received.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(received.header("X-Zoho-Webhook-Signature")).isEqualTo(expected);
    }

    @Test
    void droppedWebhooksAreNeverSentButShowInInspection() {
        webhook("invoice", "", "");
        anonymous.put("/_emulator/faults/" + US, json("{'webhook_drop_probability':1}"));

        invoice("10");
        invoice("20");

        await().atMost(Duration.ofSeconds(5)).until(() -> anonymous.get("/_emulator/deliveries?organization_id=" + US).json()
                .list("deliveries").size() == 2);
        assertThat(anonymous.get("/_emulator/deliveries").json().string("deliveries[1].outcome")).isEqualTo("DROPPED");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void duplicatedWebhooksArriveTwice() {
        webhook("invoice", "", "");
        anonymous.put("/_emulator/faults/" + US, json("{'webhook_duplicate_probability':1}"));

        String id = invoice("10");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 2);
        assertThat(bodies()).extracting(b -> b.string("invoice.invoice_id")).containsExactly(id, id);
    }

    @Test
    void reorderedWebhooksArriveAfterTheNextOne() {
        webhook("invoice", "", "");
        anonymous.put("/_emulator/faults/" + US, json("{'webhook_reorder_probability':1,'webhook_delay_millis':5000}"));

        String first = invoice("10");
        anonymous.put("/_emulator/faults/" + US, json("{'webhook_reorder_probability':0}"));
        String second = invoice("20");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 2);
        assertThat(bodies()).extracting(b -> b.string("invoice.invoice_id")).containsExactly(second, first);
    }

    @Test
    void delayedWebhooksStillArrive() {
        webhook("invoice", "", "");
        anonymous.put("/_emulator/faults/global", json("{'webhook_delay_probability':1,'webhook_delay_millis':300}"));

        invoice("10");

        assertThat(receiver.received()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
        assertThat(anonymous.get("/_emulator/deliveries").json().at("deliveries[0].delayed")).isEqualTo(true);
    }

    @Test
    void aFailingReceiverIsRecordedAsRejectedWithoutRetry() {
        webhook("invoice", "", "");
        receiver.answerWith(500);

        invoice("10");

        await().atMost(Duration.ofSeconds(5)).until(() -> "REJECTED".equals(anonymous.get("/_emulator/deliveries").json()
                .string("deliveries[0].outcome")));
        assertThat(anonymous.get("/_emulator/deliveries").json().integer("deliveries[0].status_code")).isEqualTo(500);
        assertThat(zoho.get(books("/settings/webhooks", US)).json().list("webhooks")).hasSize(1);
    }
}
