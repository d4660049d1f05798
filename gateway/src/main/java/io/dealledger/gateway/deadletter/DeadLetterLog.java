package io.dealledger.gateway.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dealledger.events.DeadLetterReplayed;
import io.dealledger.gateway.config.GatewayProperties;
import io.dealledger.gateway.problem.Refusal;
import io.dealledger.schemas.serde.EventDeserializer;
import io.dealledger.schemas.topics.Topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads the dead-letter topics on the broker (found with the admin client, whichever services created them)
 * and the record of past replays, deadletters.replays.v1. Every read assigns partitions and reads them from
 * the start to their end offsets, with no consumer group: listing dead letters moves nobody's offsets.
 * Blocking: call it off the event loop.
 */
@Component
public class DeadLetterLog implements DisposableBean {

    private final Map<String, Object> consumerProperties;
    private final Admin admin;
    private final Duration timeout;
    private final AtomicInteger consumers = new AtomicInteger();

    public DeadLetterLog(KafkaProperties kafka, GatewayProperties properties) {
        this.consumerProperties = new HashMap<>(kafka.buildConsumerProperties());
        consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a read stops at the end offsets: no fetch should sit on the broker waiting for records that may never come
        consumerProperties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        Map<String, Object> adminProperties = new HashMap<>(kafka.buildAdminProperties());
        adminProperties.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-dead-letters-admin");
        this.admin = Admin.create(adminProperties);
        this.timeout = properties.deadLetterTimeout();
    }

    /** The dead-letter topics on the broker, by name. */
    List<DeadLetterTopic> topics() {
        try {
            return admin.listTopics(new ListTopicsOptions().timeoutMs((int) timeout.toMillis())).names()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream()
                    .map(DeadLetterTopic::parse).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(DeadLetterTopic::name)).toList();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    /** The dead-letter topic named {@code name}; a 404 naming {@code field} when the broker has none. */
    DeadLetterTopic topic(String field, String name) {
        return topics().stream().filter(topic -> topic.name().equals(name)).findFirst()
                .orElseThrow(() -> Refusal.notFound(field, "is not a dead-letter topic on the broker"));
    }

    /** Every record on {@code topics}, in each partition's order. */
    List<ParkedRecord> read(List<DeadLetterTopic> topics) {
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

    /** The record at {@code offset} of {@code partition}; a 404 naming the partition or the offset when there is none. */
    ParkedRecord read(DeadLetterTopic topic, int partition, long offset) {
        return withConsumer(consumer -> {
            int partitions = consumer.partitionsFor(topic.name(), timeout).size();
            if (partition >= partitions) {
                throw Refusal.notFound("partition", "must be below " + partitions + ": " + topic.name() + " has "
                        + partitions + " partitions");
            }
            TopicPartition at = new TopicPartition(topic.name(), partition);
            consumer.assign(List.of(at));
            long first = consumer.beginningOffsets(List.of(at), timeout).get(at);
            long end = consumer.endOffsets(List.of(at), timeout).get(at);
            Refusal absent = Refusal.notFound("offset", "is not a record of " + topic.name() + " partition " + partition
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
    Map<String, Instant> replays() {
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
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-dead-letters-" + consumers.incrementAndGet());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            return read.apply(consumer);
        } catch (KafkaException e) {
            throw unavailable(e);
        }
    }

    private void checkDeadline(long deadline) {
        if (System.nanoTime() > deadline) {
            throw Refusal.unavailable("the dead-letter topics could not be read to their end within "
                    + timeout.toSeconds() + " s; retry later", null);
        }
    }

    private static Refusal unavailable(Exception cause) {
        return Refusal.unavailable("Kafka cannot be reached, so the dead letters cannot be read; retry later", cause);
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
