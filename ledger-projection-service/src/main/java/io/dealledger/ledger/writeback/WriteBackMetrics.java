package io.dealledger.ledger.writeback;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The CRM write-back's meters. No per-deal labels: a failing deal is in the logs, its code in the metrics. */
public final class WriteBackMetrics {

    private final MeterRegistry registry;
    private final Timer latency;

    public WriteBackMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("dealledger.ledger.crm.write.latency")
                .description("From the change behind a DealLedger (its occurredAt) to CRM acknowledging the write")
                .publishPercentileHistogram().register(registry);
    }

    /** One CRM update call: success (every record), partial (some failed), failed (the call itself). */
    void call(String outcome) {
        Counter.builder("dealledger.ledger.crm.write.calls").description("CRM update calls made by the write-back")
                .tag("outcome", outcome).register(registry).increment();
    }

    /** One deal's record: success, or failed / retrying / given_up with Zoho's code (INVALID_DATA, ...). */
    void record(String outcome, String code) {
        Counter.builder("dealledger.ledger.crm.write.records").description("Deal records sent in CRM update calls")
                .tag("outcome", outcome).tag("code", code == null ? "none" : code).register(registry).increment();
    }

    /** Writes not made: ledger changes folded into a deal's waiting write, or deals with nothing new to write. */
    void saved(String reason, int count) {
        Counter.builder("dealledger.ledger.crm.updates.saved")
                .description("Deal updates the write-back did not need to send, by reason")
                .tag("reason", reason).register(registry).increment(count);
    }

    void latency(Duration elapsed) {
        latency.record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }
}
