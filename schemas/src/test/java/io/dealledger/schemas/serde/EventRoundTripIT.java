package io.dealledger.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dealledger.schemas.ExampleEvents;
import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.testkit.kafka.SharedKafka;
import io.dealledger.testkit.kafka.TopicProbe;
import io.dealledger.testkit.kafka.UsesKafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@UsesKafka
class EventRoundTripIT {

    @Test
    void everyEventTypeSurvivesARoundTripThroughTheBrokerOnItsTopic() throws Exception {
        SharedKafka.broker().addTopics(Topics.all().stream().map(TopicSpec::newTopic).toArray(
                org.apache.kafka.clients.admin.NewTopic[]::new));
        List<SpecificRecord> sent = new ArrayList<>();
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer())) {
            for (TopicSpec topic : Topics.all()) {
                for (Class<? extends SpecificRecord> type : topic.eventTypes()) {
                    SpecificRecord event = ExampleEvents.of(type);
                    producer.send(new ProducerRecord<>(topic.name(), "key-" + type.getSimpleName(), event)).get();
                    sent.add(event);
                }
            }
        }

        List<SpecificRecord> received = new ArrayList<>();
        for (TopicSpec topic : Topics.all()) {
            TopicProbe<String, SpecificRecord> probe = new TopicProbe<>(topic.name(), new StringDeserializer(),
                    new EventDeserializer());
            probe.awaitRecords(topic.eventTypes().size(), Duration.ofSeconds(20))
                    .forEach(record -> received.add(record.value()));
        }

        assertThat(sent).hasSize(Topics.all().stream().mapToInt(topic -> topic.eventTypes().size()).sum());
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    }
}
