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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import io.dealledger.ledger.Events;
import io.dealledger.ledger.account.AccountAsOf;
import io.dealledger.ledger.account.AccountState;
import io.dealledger.ledger.account.AccountView;
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
 * their order, with t's day as today. Likewise each account's as-of ledger, the sums of the as-of ledgers of every
 * deal it ever had ({@link AccountAsOf}), must equal the fresh topology's account ledger: deals change account, and
 * links name no, the current or a stale account. Two organizations in two zones, so Books dates end at different
 * instants. Rerun one failure with {@code -Dledger.asof.seed=<seed>}.
 */
class AsOfHistoriesTest {

    private static final int HISTORIES = 200;
    private static final int CUTS = 12;
    private static final long BASE_SEED = Long.getLong("ledger.asof.seed", 20_260_630L);
    private static final Currency USD = Currency.getInstance(LedgerOracle.DEFAULT_CURRENCY);
    private static final Clock TODAY = Clock.fixed(HistoryGenerator.TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    @Test
    void everyDealsAndAccountsAsOfLedgerEqualsAReplayOfTheLogCutAtThatInstant() {
        // Given generated histories on disjoint deals, invoices and accounts, all through one topology
        int histories = Long.getLong("ledger.asof.seed") != null ? 1 : HISTORIES;
        List<History> generated = new ArrayList<>();
        List<Delivery> deliveries = new ArrayList<>();
        for (int n = 0; n < histories; n++) {
            History history = HistoryGenerator.generate(BASE_SEED + n);
            generated.add(history);
            deliveries.addAll(history.deliveries());
        }
        Tally deals = new Tally();
        Tally accounts = new Tally();
        // When each deal and account is read as of many instants, and a fresh topology fed what had taken effect then
        compare(generated, deliveries, cuts(deliveries), deals, accounts);
        System.out.printf("as-of: histories %d, deliveries %d, cuts %d, deal ledgers compared %d (%d differ from"
                        + " today's, %d held an invoice re-linked or unlinked since), differences %d%n", histories,
                deliveries.size(), CUTS, deals.compared, deals.differingFromNow, deals.movedSince,
                deals.differences.size());
        System.out.printf("as-of: account ledgers compared %d (%d differ from today's, %d held a deal that has moved"
                        + " to another account since, %d not comparable: the ledger then breaks an invariant),"
                        + " differences %d%n", accounts.compared, accounts.differingFromNow, accounts.movedSince,
                accounts.broken, accounts.differences.size());
        // Then the as-of ledgers from the live stores are the replay's ledgers
        assertThat(deals.differences.subList(0, Math.min(3, deals.differences.size())))
                .as(deals.differences.size() + " as-of ledgers differ from the replay (base seed " + BASE_SEED + ")")
                .isEmpty();
        assertThat(deals.differingFromNow).as("as-of ledgers that are not today's").isGreaterThan(deals.compared / 4);
        assertThat(deals.movedSince).as("as-of ledgers holding an invoice that has left the deal since").isPositive();
        assertThat(accounts.differences.subList(0, Math.min(3, accounts.differences.size())))
                .as(accounts.differences.size() + " as-of account ledgers differ from the replay (base seed "
                        + BASE_SEED + ")")
                .isEmpty();
        assertThat(accounts.differingFromNow).as("as-of account ledgers that are not today's")
                .isGreaterThan(accounts.compared / 4);
        assertThat(accounts.movedSince).as("as-of account ledgers holding a deal that has left the account since")
                .isPositive();
    }

    @Test
    void aDealCountsForAnAccountThatOnlyALateRecordNamedBeforeTheDealMoved() {
        // Given a deal whose invoice of 500 was linked at 10:00 by a writer naming account A, and CRM giving the deal
        // account B at 11:00, the CRM change delivered before the link (so A was never the deal's account here)
        Instant linkedAt = Instant.parse("2026-06-10T10:00:00Z");
        String deal = "late-deal";
        List<SpecificRecord> happened = List.of(
                Events.imported("late-imp", linkedAt.minusSeconds(3600), "org-a", "late-inv", "INV-L", "500", "USD",
                        HistoryGenerator.TODAY.plusDays(30)),
                Events.dealChanged("late-dc", linkedAt.plusSeconds(3600), "org-a", deal, "900", "USD", "late-acc-b"),
                Events.linked("late-link", linkedAt, "org-a", "late-inv", deal, "late-acc-a"));
        List<Delivery> deliveries = List.of(
                new Delivery(Topics.LEDGER_FACTS.name(), Topics.ledgerFactKey("org-a", "late-inv"), happened.get(0)),
                new Delivery(Topics.CRM_DEALS.name(), deal, happened.get(1)),
                new Delivery(Topics.LEDGER_FACTS.name(), Topics.ledgerFactKey("org-a", "late-inv"), happened.get(2)));
        History history = new History(0, happened, deliveries, List.of(deal), List.of("late-acc-a", "late-acc-b"));
        Tally deals = new Tally();
        Tally accounts = new Tally();
        // When both accounts are read as of 10:30 and 11:30
        compare(List.of(history), deliveries, List.of(linkedAt.plusSeconds(1800), linkedAt.plusSeconds(5400)), deals,
                accounts);
        // Then each equals the replay: the deal and its 500 in A at 10:30, in B at 11:30
        assertThat(accounts.differences).isEmpty();
        assertThat(accounts.compared).isEqualTo(4);
        assertThat(accounts.movedSince).isEqualTo(1);
        assertThat(deals.differences).isEmpty();
    }

    /**
     * Feeds {@code deliveries} to one topology, then at each cut compares every deal's and account's as-of ledger
     * from its stores with a fresh topology, its clock at the cut, fed only what had taken effect by then.
     */
    private static void compare(List<History> generated, List<Delivery> deliveries, List<Instant> cuts, Tally deals,
                                Tally accounts) {
        try (LedgerTopologyDriver live = new LedgerTopologyDriver(TODAY, Duration.ofHours(1))) {
            deliveries.forEach(delivery -> live.pipe(delivery.topic(), delivery.key(), delivery.event()));
            Stores now = new Stores(live);
            for (Instant cut : cuts) {
                try (LedgerTopologyDriver replay = new LedgerTopologyDriver(Clock.fixed(cut, ZoneOffset.UTC),
                        Duration.ofHours(1))) {
                    deliveries.stream().filter(delivery -> !effective(delivery).isAfter(cut))
                            .forEach(delivery -> replay.pipe(delivery.topic(), delivery.key(), delivery.event()));
                    LocalDate day = LocalDate.ofInstant(cut, ZoneOffset.UTC);
                    Stores then = new Stores(replay);
                    AsOf asOf = new AsOf(now, cut, day);
                    for (History history : generated) {
                        history.deals().forEach(dealId -> compareDeal(history, dealId, now, then, asOf, deals));
                        history.accounts().forEach(accountId -> compareAccount(history, accountId, now, then, asOf,
                                accounts));
                    }
                }
            }
        }
    }

    /** The stores an as-of ledger is read from, or a replay's ledgers are. */
    private record Stores(KeyValueStore<String, DealState> deals, KeyValueStore<String, List<SpecificRecord>> invoices,
                          KeyValueStore<String, AccountState> accounts) {
        Stores(LedgerTopologyDriver topology) {
            this(topology.driver.getKeyValueStore(LedgerTopology.DEAL_STORE),
                    topology.driver.getKeyValueStore(LedgerTopology.INVOICE_STORE),
                    topology.driver.getKeyValueStore(LedgerTopology.ACCOUNT_STORE));
        }
    }

    /** Each deal's as-of ledger at one cut, computed once (an account reads those of all its deals). */
    private static final class AsOf {
        private final Stores live;
        private final Instant cut;
        private final LocalDate day;
        private final Map<String, String> outcomes = new HashMap<>();
        private final Map<String, DealView> views = new HashMap<>();

        AsOf(Stores live, Instant cut, LocalDate day) {
            this.live = live;
            this.cut = cut;
            this.day = day;
        }

        /** The deal's as-of ledger; throws as the service's computation does for a ledger breaking its invariant. */
        DealView view(String dealId) {
            String failure = outcomes.get(dealId);
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            DealView view = views.get(dealId);
            if (view == null) {
                try {
                    view = AsOfHistoriesTest.asOf(live.deals().get(dealId), live.invoices(), cut, day);
                } catch (IllegalStateException broken) {
                    outcomes.put(dealId, broken.getMessage());
                    throw broken;
                }
                views.put(dealId, view);
            }
            return view;
        }
    }

    /** What the comparisons found. */
    private static final class Tally {
        final List<String> differences = new ArrayList<>();
        int compared;
        int differingFromNow;
        int movedSince;
        int broken;
    }

    private static void compareDeal(History history, String dealId, Stores live, Stores replay, AsOf asOfs,
                                    Tally tally) {
        Instant cut = asOfs.cut;
        DealState now = live.deals().get(dealId);
        DealState then = replay.deals().get(dealId);
        if (now == null) {
            assertThat(then).as("deal %s unknown now but known at %s", dealId, cut).isNull();
            return;
        }
        String asOf = outcome(() -> money(asOfs.view(dealId)));
        String expected = outcome(() -> money(DealCalculator.view(then == null ? DealState.empty(dealId) : then,
                asOfs.day, USD)));
        tally.compared++;
        if (!asOf.equals(expected)) {
            tally.differences.add("seed " + history.seed() + " deal " + dealId + " at " + cut
                    + "\n as of:  " + asOf + "\n replay: " + expected);
        }
        if (now.emitted() != null && !expected.equals(money(now.emitted()))) {
            tally.differingFromNow++;
        }
        if (then != null && !now.invoices().keySet().containsAll(then.invoices().keySet())) {
            tally.movedSince++;
        }
    }

    /**
     * The account's as-of ledger (the sums of its deals' as-of ledgers, {@link AccountAsOf}) against the replay's
     * account ledger. Where one of the account's deals breaks its invariant at the cut, or its sums break the
     * account's (a deal's outstanding below zero while a fact is on its way), the service answers 422 and the replay
     * kept that deal's last totals it could hold: nothing to compare.
     */
    private static void compareAccount(History history, String accountId, Stores live, Stores replay, AsOf asOfs,
                                       Tally tally) {
        Instant cut = asOfs.cut;
        AccountState now = live.accounts().get(accountId);
        AccountState then = replay.accounts().get(accountId);
        if (now == null) {
            assertThat(then).as("account %s unknown now but known at %s", accountId, cut).isNull();
            return;
        }
        List<AccountAsOf.DealThen> dealsThen = new ArrayList<>();
        AccountView asOf;
        try {
            for (String dealId : AccountAsOf.dealIds(now)) {
                dealsThen.add(AccountAsOf.DealThen.of(asOfs.view(dealId)));
            }
            asOf = AccountAsOf.view(accountId, dealsThen);
        } catch (IllegalStateException broken) {
            tally.broken++;
            return;
        }
        AccountView expected = then == null ? AccountView.empty(accountId) : then.view();
        tally.compared++;
        if (!asOf.equals(expected)) {
            tally.differences.add("seed " + history.seed() + " account " + accountId + " at " + cut
                    + "\n as of:  " + asOf + "\n replay: " + expected);
        }
        if (!expected.equals(now.view())) {
            tally.differingFromNow++;
        }
        boolean heldADealMovedSince = dealsThen.stream().anyMatch(deal -> accountId.equals(deal.accountId())
                && !accountId.equals(live.deals().get(deal.totals().dealId()).account().accountId()));
        if (heldADealMovedSince) {
            tally.movedSince++;
        }
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
    private static String outcome(java.util.function.Supplier<String> ledger) {
        try {
            return ledger.get();
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
