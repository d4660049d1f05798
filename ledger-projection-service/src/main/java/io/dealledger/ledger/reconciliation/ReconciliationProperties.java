package io.dealledger.ledger.reconciliation;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reconciliation runs (prefix {@code dealledger.ledger.reconciliation}); defaults in application.yml.
 *
 * @param reportDir        where each run writes {@code reconciliation-<time>.json} and {@code .csv}
 * @param booksConcurrency Books invoice reads in flight during a run (zoho-client's per-org limiter applies too)
 */
@ConfigurationProperties("dealledger.ledger.reconciliation")
public record ReconciliationProperties(Path reportDir, @DefaultValue("4") int booksConcurrency) {

    public ReconciliationProperties {
        if (reportDir == null) {
            throw new IllegalArgumentException("dealledger.ledger.reconciliation.report-dir (LEDGER_RECONCILIATION_DIR)"
                    + " must name a folder");
        }
        if (booksConcurrency < 1) {
            throw new IllegalArgumentException("dealledger.ledger.reconciliation.books-concurrency must be at least 1");
        }
    }
}
