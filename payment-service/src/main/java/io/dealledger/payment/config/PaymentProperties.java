package io.dealledger.payment.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * payment-service's service-wide settings (prefix {@code dealledger.payment}); every default is in application.yml.
 * Each capability binds its own part below the prefix: {@code poller.PollerProperties},
 * {@code notification.BurstProperties}, {@code cliq.CliqProperties}, {@code link.LinkProperties}.
 *
 * @param organizations  Books organization ids the poller watches (env PAYMENT_ORGANIZATIONS, comma-separated)
 * @param booksTimeout   longest wait for one Books read, retries included, before the event is retried by Kafka
 * @param startupTimeout longest wait at start for the service's own topics to be read back
 */
@ConfigurationProperties("dealledger.payment")
public record PaymentProperties(@DefaultValue List<String> organizations,
                                @DefaultValue("2m") Duration booksTimeout,
                                @DefaultValue("60s") Duration startupTimeout) {

    public PaymentProperties {
        organizations = organizations.stream().map(String::trim).filter(org -> !org.isEmpty()).toList();
        for (String org : organizations) {
            if (!org.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("dealledger.payment.organizations (PAYMENT_ORGANIZATIONS) must list"
                        + " Books organization ids (digits), got '" + org + "'");
            }
        }
        positive(booksTimeout, "dealledger.payment.books-timeout");
        positive(startupTimeout, "dealledger.payment.startup-timeout");
    }

    private static void positive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
