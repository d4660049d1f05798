package io.dealledger.payment.publish;

/** What made payment-service look at a Books record; a metric tag and a log field. */
public enum Via {
    NOTIFICATION, POLLER, LINK, ISSUED, BACKFILL;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
