package io.dealledger.ledger.writeback;

import java.util.List;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health component {@code crmWriteBack}: DOWN while a module's write-back loop is not running (starting, or failed
 * and waiting to restart), with the reason and how many times it restarted. Not part of readiness: the ledger's
 * queries answer while CRM writes wait.
 */
class CrmWriteBackHealth extends AbstractHealthIndicator {

    private final List<CrmWriteBack<?>> loops;

    CrmWriteBackHealth(List<CrmWriteBack<?>> loops) {
        super("CRM write-back health check failed");
        this.loops = loops;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        for (CrmWriteBack<?> loop : loops) {
            String down = loop.down();
            up &= down == null;
            builder.withDetail(loop.module(), down == null ? "running" : down)
                    .withDetail(loop.module() + ".restarts", loop.restarts());
        }
        if (up) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
