package io.dealledger.ledger.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.events.AccountLedger;
import io.dealledger.events.DealLedger;
import io.dealledger.ledger.projection.HistoryGenerator.Delivery;
import io.dealledger.ledger.projection.HistoryGenerator.History;

import org.junit.jupiter.api.Test;

/**
 * Drives many generated Books histories (issue, partial and split payments, credits and their reversals,
 * refunds, write-offs and their cancellation, voids, amendments, links, re-links and unlinks, refused links and
 * rejected requests, deals changing account and invoices re-linked across accounts, with duplicates, interleaving
 * across invoices and money before import) through the topology and compares every deal's and every account's final
 * ledger with {@link LedgerOracle}. Set {@code -Dledger.histories.seed=<seed>} to replay one failure.
 */
class GeneratedHistoriesTest {

    private static final int HISTORIES = 1_000;
    private static final long BASE_SEED = Long.getLong("ledger.histories.seed", 20_260_615L);

    @Test
    void everyDealAndAccountLedgerMatchesTheOracleOverAThousandGeneratedHistories() {
        // Given one topology with a fixed "today" and a thousand histories on disjoint deals, accounts and invoices
        Clock today = Clock.fixed(HistoryGenerator.TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        HistoryChecks checks = new HistoryChecks(HistoryGenerator.TODAY);
        int facts = 0;
        try (LedgerTopologyDriver projection = new LedgerTopologyDriver(today, Duration.ofHours(1))) {
            Map<String, DealLedger> published = new HashMap<>();
            Map<String, AccountLedger> accounts = new HashMap<>();
            int histories = Long.getLong("ledger.histories.seed") != null ? 1 : HISTORIES;
            for (int n = 0; n < histories; n++) {
                History history = HistoryGenerator.generate(BASE_SEED + n);
                // When its deliveries (duplicates and reorderings included) are piped in
                for (Delivery delivery : history.deliveries()) {
                    projection.pipe(delivery.topic(), delivery.key(), delivery.event());
                }
                facts += history.deliveries().size();
                // Then every deal's and every account's latest ledger is the oracle's
                checks.check(history, projection.drainLatest(published), projection.drainLatestAccounts(accounts));
            }
            assertThat(projection.deadLetters.readValuesToList()).as("dead-lettered facts").isEmpty();
        }
        System.out.printf("generated histories: %d, deliveries: %d, deals compared: %d, accounts compared: %d,"
                + " differences: %d%n", HISTORIES, facts, checks.deals(), checks.accounts(), checks.differences().size());
        List<String> differences = new ArrayList<>(checks.differences());
        assertThat(differences.subList(0, Math.min(5, differences.size())))
                .as(differences.size() + " ledgers differ from the oracle (base seed " + BASE_SEED + "), the first five")
                .isEmpty();
        assertThat(checks.accountsWithDeals()).as("accounts holding deals").isGreaterThan(HISTORIES);
    }
}
