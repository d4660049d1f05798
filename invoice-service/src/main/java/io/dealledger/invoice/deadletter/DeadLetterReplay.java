package io.dealledger.invoice.deadletter;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.kafka.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/v1/dead-letters/replay}: once the cause is fixed (Zoho back, a setting corrected),
 * re-publishes every invoice request parked on {@code invoice.requests.v1.invoice-service.dlt} since the
 * last replay to {@code invoice.requests.v1}, byte for byte. Replaying is safe: a request whose invoice
 * exists finds it. The replay's own consumer group remembers how far it got, so nothing is replayed twice.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    static final String GROUP = "invoice-service-dlt-replay";

    private final KafkaProperties kafka;

    DeadLetterReplay(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    public record Replayed(String from, String to, int records) {
    }

    @PostMapping("/replay")
    Mono<Replayed> replay() {
        return Mono.fromCallable(this::replayNow).subscribeOn(Schedulers.boundedElastic());
    }

    private synchronized Replayed replayNow() throws Exception {
        String source = Topics.INVOICE_REQUESTS.name();
        String deadLetters = Topics.INVOICE_REQUESTS.deadLetterTopic(Service.INVOICE_SERVICE);
        Map<String, Object> consumerProps = new HashMap<>(kafka.buildConsumerProperties());
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Object> producerProps = new HashMap<>(kafka.buildProducerProperties());
        int replayed = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                     new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetters, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(deadLetters, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> parked : consumer.poll(Duration.ofMillis(500))) {
                    producer.send(new ProducerRecord<>(source, parked.key(), parked.value())).get();
                    replayed++;
                    log.info("dead_letter_replayed topic={} partition={} offset={} key={} reason=\"{}\"", deadLetters,
                            parked.partition(), parked.offset(), parked.key(), reason(parked));
                }
                consumer.commitSync();
            }
        }
        return new Replayed(deadLetters, source, replayed);
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader(DeadLetters.REASON_HEADER);
        return header == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
