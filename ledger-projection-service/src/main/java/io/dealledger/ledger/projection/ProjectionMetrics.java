package io.dealledger.ledger.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The projection's counters. Under exactly-once a transaction that aborts is retried, so a counter may count a
 * fact twice where the ledger never does.
 */
public final class ProjectionMetrics {

    /** How a fact ended: applied, duplicate (seen before, no-op), rejected (broke an invariant, dead-lettered), ignored. */
    public enum Outcome {
        APPLIED, DUPLICATE, REJECTED, IGNORED
    }

    private final MeterRegistry registry;

    public ProjectionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void fact(String type, Outcome outcome) {
        Counter.builder("dealledger.ledger.facts").description("Ledger facts handled, by event type and outcome")
                .tag("type", type).tag("outcome", outcome.name().toLowerCase()).register(registry).increment();
    }

    void dealLedgerEmitted(String trigger) {
        Counter.builder("dealledger.ledger.deal.ledgers.emitted").description("DealLedger views published")
                .tag("trigger", trigger).register(registry).increment();
    }

    void accountLedgerEmitted() {
        Counter.builder("dealledger.ledger.account.ledgers.emitted").description("AccountLedger views published")
                .register(registry).increment();
    }

    void accountInvariantBroken() {
        Counter.builder("dealledger.ledger.account.invariant.violations")
                .description("Deal totals an account refused because its sums would not add up").register(registry)
                .increment();
    }

    void dealInvariantBroken() {
        Counter.builder("dealledger.ledger.deal.invariant.violations")
                .description("Deal inputs refused because the deal's sums would not add up").register(registry)
                .increment();
    }
}
