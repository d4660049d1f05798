package io.dealledger.payment.publish;

/**
 * What made payment-service look at a Books record and publish what it implies. Its {@link #tag()} is the
 * {@code via} tag of {@code dealledger.payment.facts} and the {@code via} field of the logs: dashboards read those
 * values, so they stay as they are.
 */
public enum Trigger {
    NOTIFICATION, POLLER, LINK, ISSUED, BACKFILL;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
