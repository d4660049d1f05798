package io.dealledger.ledger.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.events.DealLedger;
import io.dealledger.ledger.projection.HistoryGenerator.Delivery;
import io.dealledger.ledger.projection.HistoryGenerator.History;
import io.dealledger.ledger.projection.LedgerOracle.Expected;

import org.junit.jupiter.api.Test;

/**
 * Drives many generated Books histories (issue, partial and split payments, credits and their reversals,
 * refunds, write-offs and their cancellation, voids, amendments, links, re-links and unlinks, with duplicates,
 * interleaving across invoices and money before import) through the topology and compares every deal's final
 * ledger with {@link LedgerOracle}. Set {@code -Dledger.histories.seed=<seed>} to replay one failure.
 */
class GeneratedHistoriesTest {

    private static final int HISTORIES = 1_000;
    private static final long BASE_SEED = Long.getLong("ledger.histories.seed", 20_260_615L);

    @Test
    void everyDealLedgerMatchesTheOracleOverAThousandGeneratedHistories() {
        // Given one topology with a fixed "today" and a thousand histories on disjoint deals and invoices
        Clock today = Clock.fixed(HistoryGenerator.TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        List<String> differences = new ArrayList<>();
        int facts = 0;
        int deals = 0;
        try (LedgerTopologyDriver projection = new LedgerTopologyDriver(today, Duration.ofHours(1))) {
            Map<String, DealLedger> published = new HashMap<>();
            int histories = Long.getLong("ledger.histories.seed") != null ? 1 : HISTORIES;
            for (int n = 0; n < histories; n++) {
                History history = HistoryGenerator.generate(BASE_SEED + n);
                // When its deliveries (duplicates and reorderings included) are piped in
                for (Delivery delivery : history.deliveries()) {
                    projection.pipe(delivery.topic(), delivery.key(), delivery.event());
                }
                facts += history.deliveries().size();
                projection.drainLatest(published);
                // Then every deal's latest ledger is the oracle's
                Map<String, Expected> expected = LedgerOracle.ledgers(history.happened(), history.deals(),
                        HistoryGenerator.TODAY);
                for (Map.Entry<String, Expected> deal : expected.entrySet()) {
                    deals++;
                    DealLedger actual = published.get(deal.getKey());
                    Expected nothing = LedgerOracle.ledgers(List.of(), List.of(deal.getKey()),
                            HistoryGenerator.TODAY).get(deal.getKey());
                    boolean same = actual == null ? deal.getValue().equals(nothing)
                            : Expected.of(actual).equals(deal.getValue());
                    if (!same) {
                        differences.add("seed " + history.seed() + " deal " + deal.getKey() + "\n  expected "
                                + deal.getValue() + "\n  actual   " + (actual == null ? "none" : Expected.of(actual))
                                + (differences.isEmpty() ? "\n  deliveries " + history.deliveries().stream()
                                .map(d -> d.event().getClass().getSimpleName() + d.event()).toList() : ""));
                    }
                }
            }
            assertThat(projection.deadLetters.readValuesToList()).as("dead-lettered facts").isEmpty();
        }
        System.out.printf("generated histories: %d, deliveries: %d, deals compared: %d, differences: %d%n",
                HISTORIES, facts, deals, differences.size());
        assertThat(differences.subList(0, Math.min(5, differences.size())))
                .as(differences.size() + " deals differ from the oracle (base seed " + BASE_SEED + "), the first five")
                .isEmpty();
    }
}
