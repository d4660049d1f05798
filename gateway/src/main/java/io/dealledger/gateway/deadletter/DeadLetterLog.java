package io.dealledger.gateway.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.dealledger.gateway.config.GatewayProperties;
import io.dealledger.gateway.problem.Refusal;
import io.dealledger.service.deadletter.DeadLetterReader;
import io.dealledger.service.deadletter.DeadLetterTopic;
import io.dealledger.service.deadletter.ParkedRecord;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads the dead-letter topics on the broker (found with the admin client, whichever services created them)
 * and the record of past replays, deadletters.replays.v1, with service-kit's {@link DeadLetterReader}: no consumer
 * group, so listing dead letters moves nobody's offsets. Blocking: call it off the event loop.
 */
@Component
public class DeadLetterLog implements DisposableBean {

    private final DeadLetterReader reader;
    private final Admin admin;
    private final Duration timeout;

    public DeadLetterLog(KafkaProperties kafka, GatewayProperties properties) {
        this.reader = new DeadLetterReader(kafka.buildConsumerProperties(), properties.deadLetterTimeout(),
                "gateway-dead-letters");
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
        return refusing(() -> reader.read(topics));
    }

    /** The record at {@code offset} of {@code partition}; a 404 naming the partition or the offset when there is none. */
    ParkedRecord read(DeadLetterTopic topic, int partition, long offset) {
        return refusing(() -> reader.read(topic, partition, offset));
    }

    /** When each dead letter was replayed, by {@link ParkedRecord#replayKey() its key}. */
    Map<String, Instant> replays() {
        return refusing(reader::replays);
    }

    private static <T> T refusing(Supplier<T> read) {
        try {
            return read.get();
        } catch (DeadLetterReader.NotFound e) {
            throw Refusal.notFound(e.field(), e.reason());
        } catch (DeadLetterReader.Unavailable e) {
            throw Refusal.unavailable(e.getMessage(), e.getCause());
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
