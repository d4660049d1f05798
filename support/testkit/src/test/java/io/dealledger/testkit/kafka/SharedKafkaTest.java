package io.dealledger.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@UsesKafka
class SharedKafkaTest {

    @Test
    void oneBrokerPerJvmThatTestsCanProduceToAndProbe() throws Exception {
        String first = SharedKafka.bootstrapServers();
        assertThat(SharedKafka.bootstrapServers()).isEqualTo(first);
        assertThat(System.getProperty(SharedKafka.BOOTSTRAP_PROPERTY)).isEqualTo(first);

        SharedKafka.broker().addTopics(new NewTopic("testkit.probe", 2, (short) 1));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, first, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("testkit.probe", "a", "one")).get();
            producer.send(new ProducerRecord<>("testkit.probe", "b", "two")).get();
        }

        TopicProbe<String, String> probe = new TopicProbe<>("testkit.probe", new StringDeserializer(), new StringDeserializer());
        assertThat(probe.awaitRecords(2, Duration.ofSeconds(10))).hasSize(2);
        assertThat(probe.values()).containsExactlyInAnyOrder("one", "two");
    }
}
