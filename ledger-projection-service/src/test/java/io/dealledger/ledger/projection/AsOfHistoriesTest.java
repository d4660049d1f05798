package io.dealledger.ledger.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;

import io.dealledger.core.invoice.BooksTimes;
import io.dealledger.core.invoice.InvoiceLedger;
import io.dealledger.core.invoice.InvoiceRef;
import io.dealledger.core.invoice.InvoiceView;
import io.dealledger.core.invoice.LedgerFact;
import io.dealledger.core.invoice.LedgerFacts;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.ledger.deal.DealAsOf;
import io.dealledger.ledger.deal.DealCalculator;
import io.dealledger.ledger.deal.DealState;
import io.dealledger.ledger.deal.DealView;
import io.dealledger.ledger.projection.HistoryGenerator.Delivery;
import io.dealledger.ledger.projection.HistoryGenerator.History;
import io.dealledger.schemas.topics.Topics;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * The as-of ledger against the log cut at its instant (issue 20, item 4): generated histories (payments, credits,
 * refunds, write-offs, voids, amendments, links, re-links, unlinks, deal value and account changes, duplicates and
 * reorderings) go through one topology; then for many instants t, each deal's as-of ledger computed from that
 * topology's stores ({@link DealAsOf} over the deal's history and its invoices' facts at t) must equal the ledger a
 * fresh topology computes from only the deliveries that had taken effect by t ({@link BooksTimes#effective}), in
 * their order, with t's day as today. Two organizations in two zones, so Books dates end at different instants.
 * Rerun one failure with {@code -Dledger.asof.seed=<seed>}.
 */
class AsOfHistoriesTest {

    private static final int HISTORIES = 200;
    private static final int CUTS = 12;
    private static final long BASE_SEED = Long.getLong("ledger.asof.seed", 20_260_630L);
    private static final Currency USD = Currency.getInstance(LedgerOracle.DEFAULT_CURRENCY);
    private static final Clock TODAY = Clock.fixed(HistoryGenerator.TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    @Test
    void everyDealsAsOfLedgerEqualsAReplayOfTheLogCutAtThatInstant() {
        // Given generated histories on disjoint deals and invoices, all through one topology
        int histories = Long.getLong("ledger.asof.seed") != null ? 1 : HISTORIES;
        List<History> generated = new ArrayList<>();
        List<Delivery> deliveries = new ArrayList<>();
        for (int n = 0; n < histories; n++) {
            History history = HistoryGenerator.generate(BASE_SEED + n);
            generated.add(history);
            deliveries.addAll(history.deliveries());
        }
        List<String> differences = new ArrayList<>();
        int compared = 0;
        int differingFromNow = 0;
        int relinkedThen = 0;
        try (LedgerTopologyDriver live = new LedgerTopologyDriver(TODAY, Duration.ofHours(1))) {
            deliveries.forEach(delivery -> live.pipe(delivery.topic(), delivery.key(), delivery.event()));
            KeyValueStore<String, DealState> deals = live.driver.getKeyValueStore(LedgerTopology.DEAL_STORE);
            KeyValueStore<String, List<SpecificRecord>> invoices = live.driver.getKeyValueStore(
                    LedgerTopology.INVOICE_STORE);
            for (Instant cut : cuts(deliveries)) {
                // When a fresh topology, its clock at t, is fed only what had taken effect by t
                try (LedgerTopologyDriver replay = new LedgerTopologyDriver(Clock.fixed(cut, ZoneOffset.UTC),
                        Duration.ofHours(1))) {
                    deliveries.stream().filter(delivery -> !effective(delivery).isAfter(cut))
                            .forEach(delivery -> replay.pipe(delivery.topic(), delivery.key(), delivery.event()));
                    KeyValueStore<String, DealState> replayed = replay.driver.getKeyValueStore(LedgerTopology.DEAL_STORE);
                    LocalDate day = LocalDate.ofInstant(cut, ZoneOffset.UTC);
                    for (History history : generated) {
                        for (String dealId : history.deals()) {
                            DealState now = deals.get(dealId);
                            DealState then = replayed.get(dealId);
                            if (now == null) {
                                assertThat(then).as("deal %s unknown now but known at %s", dealId, cut).isNull();
                                continue;
                            }
                            // Then the as-of ledger from the live stores is the replay's ledger
                            String asOf = outcome(() -> asOf(now, invoices, cut, day));
                            String expected = outcome(() -> DealCalculator.view(
                                    then == null ? DealState.empty(dealId) : then, day, USD));
                            compared++;
                            if (!asOf.equals(expected)) {
                                differences.add("seed " + history.seed() + " deal " + dealId + " at " + cut
                                        + "\n as of:  " + asOf + "\n replay: " + expected);
                            }
                            if (now.emitted() != null && !expected.equals(money(now.emitted()))) {
                                differingFromNow++;
                            }
                            if (then != null && !now.invoices().keySet().containsAll(then.invoices().keySet())) {
                                relinkedThen++;
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("as-of: histories %d, deliveries %d, cuts %d, deal ledgers compared %d (%d differ from"
                        + " today's, %d held an invoice re-linked or unlinked since), differences %d%n", histories,
                deliveries.size(), CUTS, compared, differingFromNow, relinkedThen, differences.size());
        assertThat(differences.subList(0, Math.min(3, differences.size())))
                .as(differences.size() + " as-of ledgers differ from the replay (base seed " + BASE_SEED + ")")
                .isEmpty();
        assertThat(differingFromNow).as("as-of ledgers that are not today's").isGreaterThan(compared / 4);
        assertThat(relinkedThen).as("as-of ledgers holding an invoice that has left the deal since").isPositive();
    }

    /** The as-of ledger computed the way the service does, from the live topology's stores. */
    private static DealView asOf(DealState state, KeyValueStore<String, List<SpecificRecord>> invoices, Instant cut,
                                 LocalDate day) {
        List<InvoiceView> views = new ArrayList<>();
        for (String key : DealAsOf.invoiceKeys(state)) {
            List<SpecificRecord> facts = invoices.get(key);
            if (facts != null) {
                InvoiceRef invoice = new InvoiceRef(key.substring(0, key.indexOf(':')), key.substring(key.indexOf(':') + 1));
                views.add(InvoiceLedger.restore(invoice, facts.stream().map(f -> LedgerFacts.of(f).orElseThrow())
                        .toList()).standingAt(cut, zone(invoice.organizationId())).view());
            }
        }
        return DealAsOf.view(state, views, cut, day, USD);
    }

    /** When a delivery took effect: a ledger fact (an issued invoice is a link too) by its Books time, else when. */
    private static Instant effective(Delivery delivery) {
        SpecificRecord event = delivery.event();
        if (delivery.topic().equals(Topics.LEDGER_FACTS.name()) || event instanceof InvoiceIssued) {
            LedgerFact fact = LedgerFacts.of(event).orElseThrow();
            return BooksTimes.effective(fact, zone(fact.invoice().organizationId()));
        }
        return (Instant) event.get(event.getSchema().getField("occurredAt").pos());
    }

    /** The generator's two organizations: org-b keeps its books in Auckland, 12 to 13 hours ahead of UTC. */
    private static ZoneId zone(String organizationId) {
        return "org-b".equals(organizationId) ? ZoneId.of("Pacific/Auckland") : ZoneOffset.UTC;
    }

    /** Instants to cut at: exactly at and just before some facts' times, and anywhere in between. */
    private static List<Instant> cuts(List<Delivery> deliveries) {
        List<Instant> times = deliveries.stream().map(AsOfHistoriesTest::effective).distinct().sorted().toList();
        Random random = new Random(BASE_SEED);
        TreeSet<Instant> cuts = new TreeSet<>();
        while (cuts.size() < CUTS) {
            Instant at = times.get(random.nextInt(times.size()));
            int kind = random.nextInt(3);
            cuts.add(kind == 0 ? at : kind == 1 ? at.minusMillis(1)
                    : at.plusSeconds(random.nextInt(7_200)));
        }
        return List.copyOf(cuts);
    }

    /** A ledger as compared: its money and invoices (an as-of ledger has no errors or refusals), or its failure. */
    private static String outcome(java.util.function.Supplier<DealView> view) {
        try {
            return money(view.get());
        } catch (IllegalStateException broken) {
            return "invariant broken: " + broken.getMessage();
        }
    }

    private static String money(DealView view) {
        return Objects.toString(new DealView(view.dealId(), view.organizationId(), view.accountId(), view.currency(),
                view.dealValue(), view.totalInvoiced(), view.totalPaid(), view.totalCredited(), view.totalRefunded(),
                view.writtenOff(), view.outstanding(), view.overdue(), view.overdueInvoices(), view.uninvoiced(),
                view.paymentStatus(), view.invoices(), view.lastPaymentDate(), null, null, List.of()));
    }

}
