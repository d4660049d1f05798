package io.dealledger.emulator.world;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dealledger.emulator.ZohoEmulator;
import io.dealledger.emulator.support.Json;
import io.dealledger.emulator.support.WebhookReceiver;
import io.dealledger.emulator.support.ZohoHttp;

import static io.dealledger.emulator.seed.SeedIds.BOOKS_CONTACT_SOYLENT;
import static io.dealledger.emulator.seed.SeedIds.BOOKS_ITEM_GRIPPER;
import static io.dealledger.emulator.seed.SeedIds.DEAL_GLOBEX_CLOSED_WON;
import static io.dealledger.emulator.seed.SeedIds.US_ORG_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 23: with a world folder, a restarted emulator (or one killed mid-write) holds every record of the run before,
 * at the same times, hands out no id twice, and sends no webhook again; it is never reset behind the broker's back,
 * and a cleared folder starts a new world from the seed.
 */
class WorldAcrossRestartsTest {

    @TempDir
    Path dir;

    @Test
    void aRestartedEmulatorKeepsItsRecordsAndNeverHandsOutAnIdTwice() throws IOException {
        String invoice;
        String paymentId;
        Json invoiceBefore;
        Json dealBefore;
        String clockBefore;
        try (WebhookReceiver receiver = new WebhookReceiver(); ZohoEmulator first = start(receiver)) {
            ZohoHttp zoho = new ZohoHttp(first.baseUrl()).withToken(first.accessToken());
            // Given a run that invoiced, was paid, edited a deal and moved the clock on
            invoice = zoho.post(books("/invoices"), "{\"customer_id\":\"" + BOOKS_CONTACT_SOYLENT
                    + "\",\"line_items\":[{\"item_id\":\"" + BOOKS_ITEM_GRIPPER + "\",\"quantity\":3}]}")
                    .json().string("invoice.invoice_id");
            zoho.post(books("/invoices/" + invoice + "/status/sent"), null);
            new ZohoHttp(first.baseUrl()).post("/_emulator/clock/advance", "{\"days\":3}");
            zoho.withToken(first.accessToken());
            var payment = zoho.post(books("/customerpayments"), "{\"customer_id\":\"" + BOOKS_CONTACT_SOYLENT
                    + "\",\"payment_mode\":\"banktransfer\",\"amount\":10,\"invoices\":[{\"invoice_id\":\"" + invoice
                    + "\",\"amount_applied\":10}]}");
            assertThat(payment.status()).as(payment.rawBody()).isEqualTo(201);
            paymentId = payment.json().string("payment.payment_id");
            zoho.put("/crm/v7/Deals/" + DEAL_GLOBEX_CLOSED_WON, "{\"data\":[{\"Description\":\"kept across restarts\"}]}");
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() >= 3);
            invoiceBefore = zoho.get(books("/invoices/" + invoice)).json().get("invoice");
            dealBefore = zoho.get("/crm/v7/Deals/" + DEAL_GLOBEX_CLOSED_WON).json().get("data[0]");
            clockBefore = new ZohoHttp(first.baseUrl()).get("/_emulator/clock").json().string("offset_seconds");
        }
        // and a kill that cut the journal's last line short
        Files.writeString(dir.resolve(WorldJournal.FILE), "{\"at\":\"2026-", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        try (WebhookReceiver receiver = new WebhookReceiver(); ZohoEmulator second = start(receiver)) {
            ZohoHttp zoho = new ZohoHttp(second.baseUrl()).withToken(second.accessToken());
            // Then the world is as the first run left it, with the same times
            Json invoiceAfter = zoho.get(books("/invoices/" + invoice)).json().get("invoice");
            for (String field : new String[] {"invoice_number", "status", "total", "balance", "payment_made",
                    "last_modified_time", "created_time", "date"}) {
                assertThat(invoiceAfter.string(field)).as(field).isEqualTo(invoiceBefore.string(field));
            }
            assertThat(zoho.get(books("/customerpayments/" + paymentId)).json().decimal("payment.amount"))
                    .isEqualByComparingTo("10");
            Json dealAfter = zoho.get("/crm/v7/Deals/" + DEAL_GLOBEX_CLOSED_WON).json().get("data[0]");
            assertThat(dealAfter.string("Description")).isEqualTo("kept across restarts");
            assertThat(dealAfter.string("Modified_Time")).isEqualTo(dealBefore.string("Modified_Time"));
            assertThat(new ZohoHttp(second.baseUrl()).get("/_emulator/clock").json().string("offset_seconds"))
                    .isEqualTo(clockBefore);

            // and new records get new ids and numbers
            Json next = zoho.post(books("/invoices"), "{\"customer_id\":\"" + BOOKS_CONTACT_SOYLENT
                    + "\",\"line_items\":[{\"item_id\":\"" + BOOKS_ITEM_GRIPPER + "\",\"quantity\":1}]}").json().get("invoice");
            assertThat(Long.parseLong(next.string("invoice_id"))).isGreaterThan(Long.parseLong(invoice));
            assertThat(next.string("invoice_number")).isNotEqualTo(invoiceBefore.string("invoice_number"));

            // and nothing replayed was notified again: the only webhook is the new invoice's
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() >= 1);
            assertThat(receiver.received()).hasSize(1);
            assertThat(receiver.received().get(0).json().string("invoice.invoice_id")).isEqualTo(next.string("invoice_id"));

            Json world = new ZohoHttp(second.baseUrl()).get("/_emulator/world").json();
            assertThat(world.string("carried_over")).isEqualTo("true");
            assertThat(world.integer("replayed_writes")).isEqualTo(5);
            assertThat(world.integer("writes")).isEqualTo(6);
            assertThat(world.integer("invoices." + US_ORG_ID)).isGreaterThanOrEqualTo(2);

            // and the kept world is not reset behind the broker's back (its ids would come again)
            var reset = new ZohoHttp(second.baseUrl()).post("/_emulator/reset", null);
            assertThat(reset.status()).isEqualTo(409);
            assertThat(reset.rawBody()).contains("up --reset");
            assertThat(zoho.get(books("/invoices/" + invoice)).status()).isEqualTo(200);
        }
        // When the world's folder is cleared (what bin/dealledger up --reset does with the broker's data)
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        // Then the next start begins from the seed
        try (WebhookReceiver receiver = new WebhookReceiver(); ZohoEmulator third = start(receiver)) {
            ZohoHttp zoho = new ZohoHttp(third.baseUrl()).withToken(third.accessToken());
            assertThat(zoho.get(books("/invoices/" + invoice)).status()).isEqualTo(404);
            assertThat(new ZohoHttp(third.baseUrl()).get("/_emulator/world").json().string("carried_over")).isEqualTo("false");
        }
    }

    private ZohoEmulator start(WebhookReceiver receiver) {
        return ZohoEmulator.start(Map.of("zoho-emulator.world.dir", dir.toString(),
                "zoho-emulator.books.webhooks.url", receiver.url("/webhooks/books/{organization_id}")));
    }

    private static String books(String path) {
        return "/books/v3" + path + (path.contains("?") ? "&" : "?") + "organization_id=" + US_ORG_ID;
    }
}
