package io.dealledger.payment.cliq;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payment notices (prefix {@code dealledger.payment.cliq}); every default is in application.yml.
 *
 * @param enabled whether payments are announced in Cliq
 * @param channel the channel's unique name (env PAYMENT_CLIQ_CHANNEL)
 */
@ConfigurationProperties("dealledger.payment.cliq")
public record CliqProperties(@DefaultValue("true") boolean enabled,
                             @DefaultValue("payments-received") String channel) {

    public CliqProperties {
        if (enabled && (channel == null || channel.isBlank())) {
            throw new IllegalArgumentException("dealledger.payment.cliq.channel (PAYMENT_CLIQ_CHANNEL) must name"
                    + " a Cliq channel while dealledger.payment.cliq.enabled is true");
        }
    }
}
