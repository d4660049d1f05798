package io.dealledger.service.failures;

import io.dealledger.schemas.failures.FailureCategory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code dealledger_sync_failures_total{service,category,org}}: every failure a person can act on — a
 * rejected invoice request, a refused link, a dead letter — counted by category and Books organization
 * ({@code none} where no organization applies), for the Grafana panel "Sync failures by category".
 */
public final class SyncFailures {

    public static final String METRIC = "dealledger.sync.failures";

    private final MeterRegistry meters;
    private final String service;

    public SyncFailures(MeterRegistry meters, String service) {
        this.meters = meters;
        this.service = service;
    }

    public void record(FailureCategory category, String organizationId) {
        Counter.builder(METRIC).description("Failures a person can act on, by category and Books organization")
                .tag("service", service).tag("category", category.name())
                .tag("org", organizationId == null || organizationId.isBlank() ? "none" : organizationId)
                .register(meters).increment();
    }
}
