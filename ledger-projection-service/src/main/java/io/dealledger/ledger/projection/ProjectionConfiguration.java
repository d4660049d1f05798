package io.dealledger.ledger.projection;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the projection: Boot's {@code spring.kafka.streams.*} settings (application id, state dir,
 * exactly_once_v2, the dead-letter deserialization handler, see application.yml), {@link LedgerTopology}, and the way
 * back into it for replayed dead letters ({@link TopologyReentry}).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableScheduling
@EnableConfigurationProperties(LedgerProperties.class)
public class ProjectionConfiguration {

    /** "Today" for overdue: the system clock in the configured zone. */
    @Bean
    @ConditionalOnMissingBean
    Clock ledgerClock(LedgerProperties properties) {
        return Clock.system(properties.zone());
    }

    @Bean
    ProjectionMetrics projectionMetrics(MeterRegistry registry) {
        return new ProjectionMetrics(registry);
    }

    @Bean
    LedgerTopology ledgerTopology(StreamsBuilder builder, Clock ledgerClock, LedgerProperties properties,
                                  ProjectionMetrics metrics) {
        LedgerTopology topology = new LedgerTopology(ledgerClock, properties.defaultCurrency(),
                properties.overdueInterval(), metrics, false);
        topology.addTo(builder);
        return topology;
    }

    /** The service's dead-letter replays put parked records back on the topology's retry topics. */
    @Bean
    TopologyReentry topologyReentry(KafkaProperties kafka) {
        return new TopologyReentry(kafka.buildProducerProperties(), Duration.ofSeconds(10));
    }

    /** Leave the group on close, so a restarted or redeployed instance gets its partitions back at once. */
    @Bean
    StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
        return factoryBean -> factoryBean.setLeaveGroupOnClose(true);
    }

    @Bean
    StreamsHealthIndicator kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        return new StreamsHealthIndicator(streams);
    }
}
