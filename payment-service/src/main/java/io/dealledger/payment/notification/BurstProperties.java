package io.dealledger.payment.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a burst of payment webhooks is checked with list reads (prefix {@code dealledger.payment.burst}); every
 * default is in application.yml.
 *
 * @param threshold payment webhooks of one org in one consumer batch from which they are checked against one
 *                  list read of the invoices' balances (env PAYMENT_BURST_THRESHOLD)
 * @param maxWait   the longest a burst's notification on an invoice Books shows ahead waits for the notifications
 *                  queued behind it before the invoice is read back (env PAYMENT_BURST_MAX_WAIT)
 */
@ConfigurationProperties("dealledger.payment.burst")
public record BurstProperties(@DefaultValue("5") int threshold, @DefaultValue("30s") Duration maxWait) {

    public BurstProperties {
        if (threshold < 2) {
            throw new IllegalArgumentException("dealledger.payment.burst.threshold must be at least 2");
        }
        if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("dealledger.payment.burst.max-wait must be a positive duration");
        }
    }
}
