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

    private final Clock clock;
    private final Currency defaultCurrency;
    private final Duration overdueInterval;
    private final ProjectionMetrics metrics;
    private ProcessorContext<String, Output> context;
    private KeyValueStore<String, DealState> store;
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

    /** Re-computes deals whose invoices still owe money against a due date and publishes those that changed. */
    void reevaluateOverdue(long timestamp) {
        LocalDate today = today();
        List<KeyValue<String, DealState>> changed = new ArrayList<>();
        try (KeyValueIterator<String, DealState> deals = store.all()) {
            deals.forEachRemaining(entry -> {
                DealState state = entry.value;
                if (state.emitted() == null || !dependsOnTheDate(state, today)) {
                    return;
                }
                try {
                    DealState next = emitIfChanged(state, DealCalculator.view(state, today, defaultCurrency), timestamp, "clock");
                    if (next != state) {
                        changed.add(KeyValue.pair(entry.key, next));
                    }
                } catch (IllegalStateException violation) {
                    metrics.dealInvariantBroken();
                    log.error("deal=overdue-check-failed deal={} reason=\"{}\"", entry.key, violation.getMessage());
                }
            });
        }
        store.putAll(changed);
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
