package io.dealledger.gateway.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.dealledger.events.DeadLetterReplayed;
import io.dealledger.gateway.config.GatewayProperties;
import io.dealledger.gateway.metrics.GatewayMetrics;
import io.dealledger.gateway.problem.Refusal;
import io.dealledger.gateway.publish.EventPublisher;
import io.dealledger.schemas.EventIds;
import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.deadletter.DeadLetterTopic;
import io.dealledger.service.deadletter.ParkedRecord;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Re-publishes dead letters to the topic they were consumed from, once the cause is fixed: the original key
 * and value bytes and the record's own headers, plus {@value ParkedRecord#REPLAY_OF_HEADER}
 * {@code <dead-letter topic>/<partition>/<offset>}, acknowledged by every in-sync replica (acks=all); then a
 * {@code DeadLetterReplayed} on deadletters.replays.v1 says it was done, so a dead letter is replayed once.
 * A crash between the two writes leaves the dead letter pending and a second replay publishes it again, which
 * is harmless because every consumer applies an event id once. Replays on one gateway run one at a time;
 * two gateways replaying the same dead letter at the same instant can both publish it, just as harmlessly.
 */
@Component
public class DeadLetterReplayer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);

    /** What became of one dead letter: {@code status} is {@code replayed} or {@code already_replayed}. */
    public record Outcome(String deadLetterTopic, int partition, long offset, String sourceTopic, String key,
                          String eventType, String eventId, String category, String status, Instant replayedAt) {
    }

    /** The answer to a replay: what was re-published now, and what had been before and was left alone. */
    public record Replays(String service, List<Outcome> replayed, List<Outcome> skipped) {
    }

    private final DeadLetterLog deadLetters;
    private final EventPublisher publisher;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final Map<String, Object> producerProperties;
    private final Duration timeout;
    private KafkaProducer<String, byte[]> producer;

    public DeadLetterReplayer(DeadLetterLog deadLetters, EventPublisher publisher, GatewayMetrics metrics, Clock clock,
                              KafkaProperties kafka, GatewayProperties properties) {
        this.deadLetters = deadLetters;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.producerProperties = new HashMap<>(kafka.buildProducerProperties());
        producerProperties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProperties.put(ProducerConfig.CLIENT_ID_CONFIG, "gateway-dead-letter-replays");
        this.timeout = properties.publishTimeout();
    }

    /** Every pending dead letter of {@code service}, in each partition's order. */
    public synchronized Replays replayAll(Service service) {
        List<DeadLetterTopic> topics = deadLetters.topics().stream().filter(topic -> topic.service() == service).toList();
        return replay(service, deadLetters.read(topics));
    }

    /** The one dead letter at {@code deadLetterTopic}, {@code partition}, {@code offset}. */
    public synchronized Replays replayOne(Service service, String deadLetterTopic, int partition, long offset) {
        DeadLetterTopic topic = deadLetters.topic("deadLetterTopic", deadLetterTopic);
        if (topic.service() != service) {
            throw Refusal.notFound("deadLetterTopic", "is not a dead-letter topic of " + service.id() + " (it is "
                    + topic.service().id() + "'s)");
        }
        return replay(service, List.of(deadLetters.read(topic, partition, offset)));
    }

    private Replays replay(Service service, List<ParkedRecord> parked) {
        Map<String, Instant> replayedBefore = deadLetters.replays();
        List<Outcome> replayed = new ArrayList<>();
        List<Outcome> skipped = new ArrayList<>();
        parked.stream().sorted(Comparator.comparing((ParkedRecord p) -> p.topic().name())
                        .thenComparingInt(p -> p.record().partition()).thenComparingLong(p -> p.record().offset()))
                .forEach(record -> {
                    Instant before = replayedBefore.get(record.replayKey());
                    if (before != null) {
                        skipped.add(outcome(record, "already_replayed", before));
                    } else {
                        replayed.add(outcome(record, "replayed", republish(record)));
                    }
                });
        return new Replays(service.id(), replayed, skipped);
    }

    /** Re-publishes one dead letter and records that it did; answers when. */
    private Instant republish(ParkedRecord parked) {
        String sourceTopic = parked.origin().topic();
        List<Header> headers = new ArrayList<>(parked.originalHeaders());
        headers.add(new RecordHeader(ParkedRecord.REPLAY_OF_HEADER, parked.replayKey().getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(new ProducerRecord<>(sourceTopic, null, parked.record().key(), parked.record().value(),
                    headers)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw Refusal.unavailable("dead letter " + parked.replayKey() + " could not be re-published to "
                    + sourceTopic + "; it is still pending, retry later", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusal.unavailable("interrupted while re-publishing " + parked.replayKey(), e);
        }
        Instant now = clock.instant();
        FailureCategory category = parked.category();
        publisher.publish(Topics.DEAD_LETTER_REPLAYS, parked.replayKey(), DeadLetterReplayed.newBuilder()
                .setEventId(EventIds.derive("DeadLetterReplayed", parked.replayKey()))
                .setOccurredAt(now)
                .setSource(Service.GATEWAY.id())
                .setOrganizationId(null)
                .setService(parked.topic().service().id())
                .setDeadLetterTopic(parked.topic().name())
                .setPartition(parked.record().partition())
                .setOffset(parked.record().offset())
                .setSourceTopic(sourceTopic)
                .setRecordKey(parked.record().key())
                .setReason(parked.reason())
                .setCategory(category.name())
                .build()).block();
        metrics.deadLetterReplayed(parked.topic().service().id(), category.name());
        ParkedRecord.Event event = parked.event();
        log.info("event=dead_letter_replayed deadLetter={} sourceTopic={} key={} type={} eventId={} dealId={} orgId={}"
                        + " service={} category={}", parked.replayKey(), sourceTopic, parked.record().key(), event.type(),
                event.eventId(), event.dealId(), event.organizationId(), parked.topic().service().id(), category.name());
        return now;
    }

    private static Outcome outcome(ParkedRecord parked, String status, Instant replayedAt) {
        ParkedRecord.Event event = parked.event();
        return new Outcome(parked.topic().name(), parked.record().partition(), parked.record().offset(),
                parked.origin().topic(), parked.record().key(), event.type(), event.eventId(), parked.category().name(),
                status, replayedAt);
    }

    private KafkaProducer<String, byte[]> producer() {
        // made on first use: a gateway that never replays keeps no idle producer connected to the broker
        if (producer == null) {
            producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public synchronized void destroy() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }
}
