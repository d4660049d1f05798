package io.dealledger.service.config;

import java.time.Duration;
import java.util.List;

import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who this service is and what it consumes (prefix {@code dealledger.service}); every default is in the
 * service's application.yml.
 *
 * @param name     the service (gateway, invoice-service, payment-service, ledger-projection-service)
 * @param consumes catalogue topics the service reads; each gets its dead-letter topic
 * @param retry    how a record that fails is retried before it is dead-lettered
 */
@ConfigurationProperties("dealledger.service")
public record ServiceProperties(Service name, @DefaultValue List<String> consumes, @DefaultValue Retry retry) {

    public ServiceProperties {
        if (name == null) {
            throw new IllegalArgumentException("dealledger.service.name must name the service: gateway,"
                    + " invoice-service, payment-service or ledger-projection-service");
        }
        for (String topic : consumes) {
            if (Topics.byName(topic).isEmpty()) {
                throw new IllegalArgumentException("dealledger.service.consumes names " + topic
                        + ", which is not a topic of the catalogue");
            }
        }
    }

    /** The catalogue entries of {@link #consumes()}. */
    public List<TopicSpec> consumedTopics() {
        return consumes.stream().map(topic -> Topics.byName(topic).orElseThrow()).toList();
    }

    /**
     * @param attempts        retries after the first failure before a record is dead-lettered
     * @param initialInterval back-off before the first retry; doubles each time
     * @param maxInterval     longest back-off between two retries
     */
    public record Retry(@DefaultValue("4") int attempts, @DefaultValue("500ms") Duration initialInterval,
                        @DefaultValue("8s") Duration maxInterval) {
    }
}
