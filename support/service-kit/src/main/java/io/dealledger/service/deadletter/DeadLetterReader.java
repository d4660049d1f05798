package io.dealledger.service.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dealledger.events.DeadLetterReplayed;
import io.dealledger.schemas.serde.EventDeserializer;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.http.FieldRefusal;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads dead-letter topics and the record of past replays, deadletters.replays.v1, as raw bytes. Every read assigns
 * partitions and reads them from the start to their end offsets, with no consumer group: reading dead letters moves
 * nobody's offsets. Blocking: call it off the event loop.
 */
public class DeadLetterReader {

    /** Nothing at the place a caller named: {@code field} says which of its values. */
    public static final class NotFound extends FieldRefusal {

        NotFound(String field, String reason) {
            super(field, reason);
        }
    }

    /** The broker could not be read in time; worth trying again. */
    public static final class Unavailable extends RuntimeException {

        Unavailable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final Map<String, Object> consumerProperties;
    private final Duration timeout;
    private final String clientId;
    private final AtomicInteger consumers = new AtomicInteger();

    /**
     * @param consumerProperties the service's consumer settings (its group id is dropped)
     * @param timeout            longest wait for the broker, and for reading to the end offsets
     * @param clientId           prefix of the readers' client ids
     */
    public DeadLetterReader(Map<String, Object> consumerProperties, Duration timeout, String clientId) {
        this.consumerProperties = new HashMap<>(consumerProperties);
        this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a read stops at the end offsets: no fetch should sit on the broker waiting for records that may never come
        this.consumerProperties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        this.timeout = timeout;
        this.clientId = clientId;
    }

    /** Every record on {@code topics}, in each partition's order. */
    public List<ParkedRecord> read(List<DeadLetterTopic> topics) {
        if (topics.isEmpty()) {
            return List.of();
        }
        Map<String, DeadLetterTopic> byName = topics.stream()
                .collect(Collectors.toMap(DeadLetterTopic::name, Function.identity()));
        return withConsumer(consumer -> {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic.name(), timeout).stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            return readToEnd(consumer, partitions).stream()
                    .map(record -> new ParkedRecord(byName.get(record.topic()), record)).toList();
        });
    }

    /** The record at {@code offset} of {@code partition}; {@link NotFound} naming the partition or the offset. */
    public ParkedRecord read(DeadLetterTopic topic, int partition, long offset) {
        return withConsumer(consumer -> {
            int partitions = consumer.partitionsFor(topic.name(), timeout).size();
            if (partition >= partitions) {
                throw new NotFound("partition", "must be below " + partitions + ": " + topic.name() + " has "
                        + partitions + " partitions");
            }
            TopicPartition at = new TopicPartition(topic.name(), partition);
            consumer.assign(List.of(at));
            long first = consumer.beginningOffsets(List.of(at), timeout).get(at);
            long end = consumer.endOffsets(List.of(at), timeout).get(at);
            NotFound absent = new NotFound("offset", "is not a record of " + topic.name() + " partition " + partition
                    + (first < end ? " (its records are at offsets " + first + " to " + (end - 1) + ")" : ", which is empty"));
            if (offset < first || offset >= end) {
                throw absent;
            }
            consumer.seek(at, offset);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(at, timeout) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return new ParkedRecord(topic, record);
                    }
                    throw absent;
                }
                checkDeadline(deadline);
            }
            throw absent;
        });
    }

    /** When each dead letter was replayed, by {@link ParkedRecord#replayKey() its key}. */
    public Map<String, Instant> replays() {
        EventDeserializer events = new EventDeserializer();
        return withConsumer(consumer -> {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTER_REPLAYS.name(), timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            Map<String, Instant> replayed = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : readToEnd(consumer, partitions)) {
                if (record.value() == null) {
                    replayed.remove(record.key());
                } else if (events.deserialize(record.topic(), record.value()) instanceof DeadLetterReplayed replay) {
                    replayed.put(record.key(), replay.getOccurredAt());
                }
            }
            return replayed;
        });
    }

    private List<ConsumerRecord<String, byte[]>> readToEnd(KafkaConsumer<String, byte[]> consumer,
                                                           List<TopicPartition> partitions) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            checkDeadline(deadline);
        }
        return records;
    }

    private <T> T withConsumer(Function<KafkaConsumer<String, byte[]>, T> read) {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-" + consumers.incrementAndGet());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            return read.apply(consumer);
        } catch (KafkaException e) {
            throw new Unavailable("Kafka cannot be reached, so the dead letters cannot be read; retry later", e);
        }
    }

    private void checkDeadline(long deadline) {
        if (System.nanoTime() > deadline) {
            throw new Unavailable("the dead-letter topics could not be read to their end within "
                    + timeout.toSeconds() + " s; retry later", null);
        }
    }
}
