package io.dealledger.ledger.projection;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Part of readiness: up while the projection runs or rebalances (restoring state included, queries then answer
 * 503 for the stores not yet ready), down once it has stopped or failed.
 */
class StreamsHealthIndicator extends AbstractHealthIndicator {

    private final StreamsBuilderFactoryBean streams;

    StreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        super("Kafka Streams health check failed");
        this.streams = streams;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            builder.down().withDetail("state", "NOT_STARTED");
            return;
        }
        KafkaStreams.State state = kafkaStreams.state();
        (state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING ? builder.up() : builder.down())
                .withDetail("state", state.name());
    }
}
