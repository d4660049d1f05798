package io.dealledger.ledger.writeback;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The CRM write-back's meters, tagged with the CRM module written (Deals, Accounts). No per-record labels: a failing
 * record is in the logs, its code in the metrics.
 */
public final class WriteBackMetrics {

    private final MeterRegistry registry;
    private final String module;
    private final Timer latency;

    public WriteBackMetrics(MeterRegistry registry, String module) {
        this.registry = registry;
        this.module = module;
        this.latency = Timer.builder("dealledger.ledger.crm.write.latency")
                .description("From the change behind a ledger view (its occurredAt) to CRM acknowledging the write")
                .tag("module", module).publishPercentileHistogram().register(registry);
    }

    /** One CRM update call: success (every record), partial (some failed), failed (the call itself). */
    void call(String outcome) {
        Counter.builder("dealledger.ledger.crm.write.calls").description("CRM update calls made by the write-back")
                .tag("module", module).tag("outcome", outcome).register(registry).increment();
    }

    /** One record: success, or retrying / failed (a deleted record, dropped) with Zoho's code (INVALID_DATA, ...). */
    void record(String outcome, String code) {
        Counter.builder("dealledger.ledger.crm.write.records").description("Records sent in CRM update calls")
                .tag("module", module).tag("outcome", outcome).tag("code", code == null ? "none" : code)
                .register(registry).increment();
    }

    /** Writes not made: view changes folded into a record's waiting write, or records with nothing new to write. */
    void saved(String reason, int count) {
        Counter.builder("dealledger.ledger.crm.updates.saved")
                .description("Record updates the write-back did not need to send, by reason")
                .tag("module", module).tag("reason", reason).register(registry).increment(count);
    }

    void latency(Duration elapsed) {
        latency.record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }
}
