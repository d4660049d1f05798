package io.dealledger.ledger.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.dealledger.ledger.EventSender;
import io.dealledger.ledger.LedgerProjectionApplication;
import io.dealledger.ledger.UsesZohoEmulator;
import io.dealledger.ledger.ZohoData;
import io.dealledger.testkit.kafka.UsesKafka;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 20: the first change of an idle deal is written at once, not after the coalescing window. The window here is
 * 60 s, so a deal whose fields appear within 15 s was written on the leading edge (a third of the window after the
 * last call at the latest, and this is the first); the changes that follow it while its write is in flight coalesce
 * as before ({@link CrmWriteBackIT} holds the call counts under a burst).
 */
@UsesKafka
@SpringBootTest(classes = LedgerProjectionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "dealledger.ledger.crm-write-back.window=60s"})
class CrmWriteBackLeadingEdgeIT implements UsesZohoEmulator {

    private static final EventSender events = new EventSender();

    private final ZohoData zoho = new ZohoData(UsesZohoEmulator.zoho());

    @AfterAll
    static void closeSender() {
        events.close();
    }

    @Test
    void anIdleDealsFirstChangeReachesCrmWithoutWaitingForTheWindow() {
        // Given a CRM deal the ledger has never written
        String deal = zoho.createDeals("Leading edge", 1).get(0);
        // When its facts arrive
        events.sendAll(CrmWriteBackIT.dealFacts(deal, "600", "250", "400", "100"));
        // Then CRM shows the deal's ledger well before the 60 s window would have let it
        JsonNode fields = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> zoho.deal(deal), d -> d.path("Total_Invoiced").isNumber());
        // (the deal's ledger as of the facts of the first poll: at least its value, 1000, before tax)
        assertThat(fields.path("Total_Invoiced").decimalValue().add(fields.path("Uninvoiced_Amount").decimalValue()))
                .isEqualByComparingTo("1000");
        assertThat(zoho.dealUpdateCalls(List.of(deal))).as("one leading write; the rest waits for the window").hasSize(1);
    }
}
