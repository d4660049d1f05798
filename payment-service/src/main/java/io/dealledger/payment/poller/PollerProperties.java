package io.dealledger.payment.poller;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The safety net for dropped webhooks (prefix {@code dealledger.payment.poller}); every default is in
 * application.yml. The organizations it watches are service-wide ({@code dealledger.payment.organizations}).
 *
 * @param enabled  whether this service polls (with several instances, the one owning an org polls it)
 * @param interval time between two polls of one organization (env PAYMENT_POLL_INTERVAL)
 * @param overlap  how far back before the checkpoint each poll reads again (env PAYMENT_POLL_OVERLAP)
 * @param maxRows  most invoice rows one pass reads, newest first (env PAYMENT_POLL_MAX_ROWS)
 */
@ConfigurationProperties("dealledger.payment.poller")
public record PollerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("288s") Duration interval,
                               @DefaultValue("5m") Duration overlap, @DefaultValue("2000") int maxRows) {

    public PollerProperties {
        positive(interval, "dealledger.payment.poller.interval");
        positive(overlap, "dealledger.payment.poller.overlap");
        if (maxRows <= 0) {
            throw new IllegalArgumentException("dealledger.payment.poller.max-rows must be positive");
        }
    }

    private static void positive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
