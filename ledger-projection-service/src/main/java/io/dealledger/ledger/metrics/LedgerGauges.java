package io.dealledger.ledger.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.dealledger.ledger.deal.DealState;
import io.dealledger.ledger.deal.DealView;
import io.dealledger.ledger.projection.LedgerTopology;
import io.dealledger.ledger.query.LedgerStores;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Business gauges per organization and currency, from the deals this instance owns (sum over instances in
 * Prometheus): {@code dealledger.ledger.outstanding}, {@code dealledger.ledger.overdue.amount},
 * {@code dealledger.ledger.overdue.invoices}. No per-deal labels.
 */
@Component
public class LedgerGauges {

    private record Key(String organization, String currency) {
    }

    private static final class Totals {
        BigDecimal outstanding = BigDecimal.ZERO;
        BigDecimal overdue = BigDecimal.ZERO;
        long overdueInvoices;
    }

    private final LedgerStores stores;
    private final MultiGauge outstanding;
    private final MultiGauge overdue;
    private final MultiGauge overdueInvoices;

    public LedgerGauges(LedgerStores stores, MeterRegistry registry) {
        this.stores = stores;
        this.outstanding = MultiGauge.builder("dealledger.ledger.outstanding")
                .description("Outstanding balance of linked invoices, per organization and currency").register(registry);
        this.overdue = MultiGauge.builder("dealledger.ledger.overdue.amount")
                .description("Overdue balance of linked invoices, per organization and currency").register(registry);
        this.overdueInvoices = MultiGauge.builder("dealledger.ledger.overdue.invoices")
                .description("Overdue linked invoices, per organization and currency").register(registry);
    }

    @Scheduled(fixedDelayString = "${dealledger.ledger.gauge-refresh:30s}", initialDelayString = "5s")
    public void refresh() {
        Map<Key, Totals> totals = new TreeMap<>(java.util.Comparator.comparing(Key::organization,
                java.util.Comparator.nullsFirst(String::compareTo)).thenComparing(Key::currency));
        for (DealState deal : stores.<DealState>allLocal(LedgerTopology.DEAL_STORE)) {
            DealView view = deal.emitted();
            if (view == null) {
                continue;
            }
            Totals sum = totals.computeIfAbsent(new Key(view.organizationId(), view.currency()), k -> new Totals());
            sum.outstanding = sum.outstanding.add(view.outstanding().amount());
            sum.overdue = sum.overdue.add(view.overdue().amount());
            sum.overdueInvoices += view.overdueInvoices();
        }
        List<MultiGauge.Row<?>> outstandingRows = new ArrayList<>();
        List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
        List<MultiGauge.Row<?>> countRows = new ArrayList<>();
        totals.forEach((key, sum) -> {
            Tags tags = Tags.of("organization", key.organization() == null ? "unknown" : key.organization(),
                    "currency", key.currency());
            outstandingRows.add(MultiGauge.Row.of(tags, sum.outstanding.doubleValue()));
            overdueRows.add(MultiGauge.Row.of(tags, sum.overdue.doubleValue()));
            countRows.add(MultiGauge.Row.of(tags, sum.overdueInvoices));
        });
        outstanding.register(outstandingRows, true);
        overdue.register(overdueRows, true);
        overdueInvoices.register(countRows, true);
    }
}
