package io.dealledger.ledger.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.dealledger.events.DealLedger;
import io.dealledger.ledger.account.AccountChange;
import io.dealledger.ledger.account.DealTotals;
import io.dealledger.ledger.deal.DealCalculator;
import io.dealledger.ledger.deal.DealInput;
import io.dealledger.ledger.deal.DealState;
import io.dealledger.ledger.deal.DealView;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each deal's state (store {@value LedgerTopology#DEAL_STORE}) and publishes its {@link DealLedger}
 * whenever the view changes, with the next version. "Today" comes from the clock, so a wall-clock punctuation
 * (every {@code overdueInterval}, and once shortly after start) re-evaluates deals with open invoices: a deal
 * turns OVERDUE the day after a due date with no new event.
 *
 * <p>Each published change also goes to the deal's account (keyed by account id) as the deal's whole totals, and a
 * deal whose account changed leaves its old account (totals null): the account roll-up's adder and subtractor, made
 * idempotent by carrying full values. The first record naming an account for the deal also tells that account (a
 * {@link AccountChange#seen} change), so the account's as-of ledgers ask the deal even when that record was overridden.
 *
 * <p>While it catches up (an input older than {@link #CATCH_UP_LAG} by the wall clock: a rebuild, a restart after
 * downtime), a deal's state is kept but its ledger is not published per input: the deal is marked in store
 * {@value LedgerTopology#DEAL_PENDING_STORE} (with its changelog, so a crash loses no mark) and published once per
 * {@link #CATCH_UP_FLUSH} by a punctuation, with its state as it then stands. A rebuild so publishes a deal's last
 * state, not each of its intermediate ones. A live input is published at once, as before.
 */
final class DealProcessor implements Processor<String, DealInput, String, DealProcessor.Output> {

    /** What leaves this processor: the deal's new ledger (keyed by deal), or a change for an account (keyed by it). */
    sealed interface Output {
    }

    record Published(DealLedger ledger) implements Output {
    }

    record ToAccount(AccountChange change) implements Output {
    }

    private static final Logger log = LoggerFactory.getLogger(DealProcessor.class);
    private static final Duration FIRST_CHECK = Duration.ofSeconds(1);
    /** An input older than this (record time against the wall clock) is catch-up: its deal is published later. */
    static final Duration CATCH_UP_LAG = Duration.ofSeconds(5);
    /** How often the deals marked while catching up are published. */
    static final Duration CATCH_UP_FLUSH = Duration.ofMillis(200);

    private final Clock clock;
    private final Currency defaultCurrency;
    private final Duration overdueInterval;
    private final ProjectionMetrics metrics;
    private ProcessorContext<String, Output> context;
    private KeyValueStore<String, DealState> store;
    private KeyValueStore<String, Long> pending;
    private Cancellable firstCheck;

    DealProcessor(Clock clock, Currency defaultCurrency, Duration overdueInterval, ProjectionMetrics metrics) {
        this.clock = clock;
        this.defaultCurrency = defaultCurrency;
        this.overdueInterval = overdueInterval;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Output> context) {
        this.context = context;
        this.store = context.getStateStore(LedgerTopology.DEAL_STORE);
        this.pending = context.getStateStore(LedgerTopology.DEAL_PENDING_STORE);
        context.schedule(CATCH_UP_FLUSH, PunctuationType.WALL_CLOCK_TIME, this::publishPending);
        context.schedule(overdueInterval, PunctuationType.WALL_CLOCK_TIME, this::reevaluateOverdue);
        firstCheck = context.schedule(FIRST_CHECK, PunctuationType.WALL_CLOCK_TIME, now -> {
            firstCheck.cancel();
            reevaluateOverdue(now);
        });
    }

    @Override
    public void process(Record<String, DealInput> record) {
        String dealId = record.key();
        DealState state = Optional.ofNullable(store.get(dealId)).orElseGet(() -> DealState.empty(dealId));
        DealState next = state.with(record.value());
        if (record.value() instanceof DealInput.AccountSeen seen && !state.history().named(seen.accountId())) {
            // every account a record ever gave the deal keeps it for its as-of ledgers, also one overridden since
            context.forward(new Record<String, Output>(seen.accountId(), new ToAccount(AccountChange.seen(dealId)),
                    record.timestamp()));
        }
        if (record.value() instanceof DealInput.LinkSeen) {
            store.put(dealId, next); // kept for as-of ledgers; the current ledger is told by the invoice's change
            return;
        }
        if (context.currentSystemTimeMs() - record.timestamp() > CATCH_UP_LAG.toMillis()) {
            store.put(dealId, next);
            pending.put(dealId, record.timestamp());
            return;
        }
        if (pending.get(dealId) != null) {
            pending.delete(dealId); // published now, with this input
        }
        DealView view;
        try {
            view = DealCalculator.view(next, today(), defaultCurrency);
        } catch (RuntimeException violation) {
            // the input is kept (a later one may make the deal whole again); nothing is published, the stream goes on
            metrics.dealInvariantBroken();
            log.error("deal=unpublishable deal={} input={} reason=\"{}\"", dealId,
                    record.value().getClass().getSimpleName(), violation.toString());
            store.put(dealId, next);
            return;
        }
        store.put(dealId, emitIfChanged(next, view, record.timestamp(), "input"));
    }

    private DealState emitIfChanged(DealState state, DealView view, long timestamp, String trigger) {
        if (view.equals(state.emitted())) {
            return state;
        }
        DealState emitted = state.emitting(view);
        context.forward(new Record<String, Output>(state.dealId(), new Published(
                DealLedgerMapper.toEvent(view, emitted.version(), Instant.ofEpochMilli(timestamp))), timestamp));
        metrics.dealLedgerEmitted(trigger);
        log.info("dealLedger=emitted deal={} org={} account={} version={} status={} outstanding={} trigger={}",
                state.dealId(), view.organizationId(), view.accountId(), emitted.version(), view.paymentStatus(),
                view.outstanding(), trigger);
        tellAccounts(state.emitted(), view, timestamp);
        return emitted;
    }

    /** The deal's old account loses it when the account changed; its account gets its totals when they changed. */
    private void tellAccounts(DealView before, DealView after, long timestamp) {
        String was = before == null ? null : before.accountId();
        String now = after.accountId();
        if (was != null && !was.equals(now)) {
            context.forward(new Record<String, Output>(was, new ToAccount(new AccountChange(after.dealId(), null,
                    false)), timestamp));
        }
        DealTotals totals = DealTotals.of(after);
        boolean totalsChanged = before == null || !totals.equals(DealTotals.of(before));
        if (now != null && (!now.equals(was) || totalsChanged)) {
            context.forward(new Record<String, Output>(now, new ToAccount(new AccountChange(after.dealId(), totals,
                    false)), timestamp));
        }
    }

    /** Publishes each deal marked while catching up, as it now stands, with the time of its latest input. */
    void publishPending(long now) {
        List<String> published = new ArrayList<>();
        List<KeyValue<String, DealState>> changed = new ArrayList<>();
        LocalDate today = today();
        try (KeyValueIterator<String, Long> marked = pending.all()) {
            marked.forEachRemaining(entry -> {
                published.add(entry.key);
                DealState state = store.get(entry.key);
                if (state != null) {
                    republish(state, today, entry.value, "catch-up", changed);
                }
            });
        }
        store.putAll(changed);
        published.forEach(pending::delete);
    }

    /** Re-computes deals whose invoices still owe money against a due date and publishes those that changed. */
    void reevaluateOverdue(long timestamp) {
        LocalDate today = today();
        List<KeyValue<String, DealState>> changed = new ArrayList<>();
        try (KeyValueIterator<String, DealState> deals = store.all()) {
            deals.forEachRemaining(entry -> {
                if (entry.value.emitted() != null && dependsOnTheDate(entry.value, today)) {
                    republish(entry.value, today, timestamp, "clock", changed);
                }
            });
        }
        store.putAll(changed);
    }

    /**
     * Publishes {@code state}'s view if it changed, adding the new state to {@code changed}; a deal whose view breaks
     * an invariant is kept as it is (a later input may make it whole again), logged, and the others go on.
     */
    private void republish(DealState state, LocalDate today, long timestamp, String trigger,
                           List<KeyValue<String, DealState>> changed) {
        try {
            DealState next = emitIfChanged(state, DealCalculator.view(state, today, defaultCurrency), timestamp, trigger);
            if (next != state) {
                changed.add(KeyValue.pair(state.dealId(), next));
            }
        } catch (RuntimeException violation) {
            metrics.dealInvariantBroken();
            log.error("deal=unpublishable deal={} trigger={} reason=\"{}\"", state.dealId(), trigger, violation.toString());
        }
    }

    /** Open invoices with a due date, or an overdue amount shown that may have to go. */
    private static boolean dependsOnTheDate(DealState state, LocalDate today) {
        return state.emitted().overdue().isPositive() || state.invoices().values().stream()
                .anyMatch(invoice -> invoice.awaitingDueDate(today) || invoice.overdueOn(today));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
