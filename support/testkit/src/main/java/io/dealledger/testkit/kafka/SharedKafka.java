package io.dealledger.testkit.kafka;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (embedded KRaft, from spring-kafka-test) per test JVM, started on first use and
 * stopped when the JVM exits. Tests share it and keep apart by topic names and consumer groups.
 */
public final class SharedKafka {

    /** Spring Boot reads this, so every application context in the JVM connects to the shared broker. */
    public static final String BOOTSTRAP_PROPERTY = "spring.kafka.bootstrap-servers";

    private static EmbeddedKafkaKraftBroker broker;

    private SharedKafka() {
    }

    /** The broker's {@code host:port}, starting it if it is not running yet. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 3);
            started.brokerProperties(Map.of(
                    "group.initial.rebalance.delay.ms", "0",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "offsets.topic.replication.factor", "1",
                    "auto.create.topics.enable", "false"));
            started.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "shared-kafka-shutdown"));
            broker = started;
            System.setProperty(BOOTSTRAP_PROPERTY, started.getBrokersAsString());
        }
        return broker.getBrokersAsString();
    }

    /** The running broker, for admin work (creating topics, reading offsets). */
    public static synchronized EmbeddedKafkaKraftBroker broker() {
        bootstrapServers();
        return broker;
    }
}
