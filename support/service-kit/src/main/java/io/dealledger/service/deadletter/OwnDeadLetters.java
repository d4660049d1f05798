package io.dealledger.service.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dealledger.schemas.topics.Service;
import io.dealledger.service.config.ServiceProperties;
import io.dealledger.service.kafka.DeadLetters;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * A service replays its own dead letters (docs/architecture.md §3, "Dead letters"): it reads each pending one from its
 * own {@code <topic>.<service>.dlt} and hands it, decoded as its consumer decodes it and with
 * {@value ParkedRecord#REPLAY_OF_HEADER}, to the very listener that parked it ({@link ListenerEntry}). Nothing is
 * published to the source topic: that topic has one writer, and it is not the consumer; and a record put back there
 * would reach every other consumer of the topic again, not only the one that failed. A record that fails again is
 * parked again, as a new pending dead letter, the way the error handler parks it (one attempt: the cause was meant
 * to be fixed before the replay).
 *
 * <p>A dead letter of a topic no listener consumes goes to the service's {@link DeadLetterEntry} for that topic, if
 * it has one (ledger-projection-service's topology, through its retry topic), and is refused otherwise.
 *
 * <p>A dead letter already on deadletters.replays.v1 (the gateway's record of the replays it asked for) is skipped.
 * Replays on one instance run one at a time. Two replays of one dead letter that overlap (two gateways, or a crash
 * before the gateway recorded the first) both hand it to the listener, which is harmless: every consumer applies an
 * event id once (invoice requests by request id, payment-service's facts by fact id, the projection's fold by fact
 * id).
 */
public class OwnDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(OwnDeadLetters.class);
    private static final LogAccessor LOG = new LogAccessor(OwnDeadLetters.class);

    /** What became of one dead letter: {@code status} is {@code replayed} or {@code already_replayed}. */
    public record Outcome(String deadLetterTopic, int partition, long offset, String sourceTopic, String key,
                          String eventType, String eventId, String category, String status, Instant replayedAt) {
    }

    /** The answer to a replay: what was handed to the listener now, and what had been before and was left alone. */
    public record Replays(String service, List<Outcome> replayed, List<Outcome> skipped) {
    }

    private final Service service;
    private final List<DeadLetterTopic> topics;
    private final DeadLetterReader reader;
    private final ListenerEntry listeners;
    private final List<DeadLetterEntry> entries;
    private final Deserializer<?> values;
    private final DeadLetters.Parking parking;
    private final Clock clock;

    public OwnDeadLetters(ServiceProperties service, Map<String, Object> consumerProperties, Duration timeout,
                          ListenerEntry listeners, List<DeadLetterEntry> entries, DeadLetters.Parking parking,
                          Clock clock) {
        this.service = service.name();
        this.topics = service.consumedTopics().stream().map(topic -> DeadLetterTopic.of(topic, service.name())).toList();
        this.reader = new DeadLetterReader(consumerProperties, timeout, service.name().id() + "-dead-letter-replays");
        this.listeners = listeners;
        this.entries = List.copyOf(entries);
        this.values = valueDeserializer(consumerProperties);
        this.parking = parking;
        this.clock = clock;
    }

    /** Every pending dead letter of this service, in each partition's order. */
    public synchronized Replays replayAll() {
        return replay(reader.read(topics));
    }

    /** The one dead letter at {@code deadLetterTopic}, {@code partition}, {@code offset}. */
    public synchronized Replays replayOne(String deadLetterTopic, int partition, long offset) {
        DeadLetterTopic topic = topics.stream().filter(own -> own.name().equals(deadLetterTopic)).findFirst()
                .orElseThrow(() -> new DeadLetterReader.NotFound("deadLetterTopic", "is not a dead-letter topic of "
                        + service.id() + ", whose are " + topics.stream().map(DeadLetterTopic::name).toList()));
        return replay(List.of(reader.read(topic, partition, offset)));
    }

    private Replays replay(List<ParkedRecord> parked) {
        Map<String, Instant> replayedBefore = reader.replays();
        List<ParkedRecord> ordered = parked.stream()
                .sorted(Comparator.comparing((ParkedRecord p) -> p.topic().name())
                        .thenComparingInt(p -> p.record().partition()).thenComparingLong(p -> p.record().offset()))
                .toList();
        // refused before any is replayed: a replay does all it was asked or nothing
        ordered.stream().filter(p -> !replayedBefore.containsKey(p.replayKey()))
                .filter(p -> !listeners.consumes(p.origin().topic()) && entryOf(p.origin().topic()).isEmpty())
                .findFirst().ifPresent(p -> {
                    throw new NotReplayable(service.id() + " has no listener consuming " + p.origin().topic()
                            + " for dead letter " + p.replayKey() + " to re-enter");
                });
        List<Outcome> replayed = new ArrayList<>();
        List<Outcome> skipped = new ArrayList<>();
        for (ParkedRecord record : ordered) {
            Instant before = replayedBefore.get(record.replayKey());
            if (before != null) {
                skipped.add(outcome(record, "already_replayed", before));
            } else if (listeners.consumes(record.origin().topic())) {
                reenter(record);
                replayed.add(outcome(record, "replayed", clock.instant()));
            } else {
                handBack(record, entryOf(record.origin().topic()).orElseThrow());
                replayed.add(outcome(record, "replayed", clock.instant()));
            }
        }
        return new Replays(service.id(), replayed, skipped);
    }

    /** Hands the parked record to its listener as its container would; parks it again if it fails again. */
    private void reenter(ParkedRecord parked) {
        ConsumerRecord<String, Object> record = asConsumed(parked);
        String outcome = "handled";
        try {
            DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            if (unreadable != null) {
                throw unreadable;
            }
            listeners.deliver(record);
        } catch (RuntimeException failure) {
            parking.park(record, failure);
            outcome = "parked_again";
        }
        ParkedRecord.Event event = parked.event();
        log.info("event=dead_letter_replayed deadLetter={} sourceTopic={} key={} type={} eventId={} dealId={} orgId={}"
                        + " outcome={}", parked.replayKey(), record.topic(), record.key(), event.type(), event.eventId(),
                event.dealId(), event.organizationId(), outcome);
    }

    /** Hands the parked record to the entry that takes its topic; a failure to do so leaves it pending (503). */
    private void handBack(ParkedRecord parked, DeadLetterEntry entry) {
        try {
            entry.reenter(parked);
        } catch (RuntimeException failure) {
            throw new DeadLetterReader.Unavailable("dead letter " + parked.replayKey() + " could not be handed back to "
                    + service.id() + "'s processing (" + failure.getMessage() + "); retry later", failure);
        }
        ParkedRecord.Event event = parked.event();
        log.info("event=dead_letter_replayed deadLetter={} sourceTopic={} key={} type={} eventId={} dealId={} orgId={}"
                        + " outcome=handed_back", parked.replayKey(), parked.origin().topic(), parked.record().key(),
                event.type(), event.eventId(), event.dealId(), event.organizationId());
    }

    private Optional<DeadLetterEntry> entryOf(String topic) {
        return entries.stream().filter(entry -> entry.takes(topic)).findFirst();
    }

    /** The record as the listener first got it: its source topic, partition and offset, its own headers, decoded. */
    private ConsumerRecord<String, Object> asConsumed(ParkedRecord parked) {
        ParkedRecord.Origin origin = parked.origin();
        RecordHeaders headers = new RecordHeaders(parked.originalHeaders());
        headers.add(new RecordHeader(ParkedRecord.REPLAY_OF_HEADER, parked.replayKey().getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = parked.record().value();
        Object value = bytes == null ? null : values.deserialize(origin.topic(), headers, bytes);
        return new ConsumerRecord<>(origin.topic(),
                Optional.ofNullable(origin.partition()).orElse(parked.record().partition()),
                Optional.ofNullable(origin.offset()).orElse(-1L), parked.record().timestamp(), TimestampType.CREATE_TIME,
                -1, bytes == null ? -1 : bytes.length, parked.record().key(), value, headers, Optional.empty());
    }

    private static Outcome outcome(ParkedRecord parked, String status, Instant replayedAt) {
        ParkedRecord.Event event = parked.event();
        return new Outcome(parked.topic().name(), parked.record().partition(), parked.record().offset(),
                parked.origin().topic(), parked.record().key(), event.type(), event.eventId(), parked.category().name(),
                status, replayedAt);
    }

    /** The value deserializer the service's consumers are configured with (service-kit's ErrorHandlingDeserializer). */
    private static Deserializer<?> valueDeserializer(Map<String, Object> consumerProperties) {
        Object configured = consumerProperties.get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        try {
            Deserializer<?> deserializer = configured instanceof Class<?> type
                    ? (Deserializer<?>) Utils.newInstance(type)
                    : Utils.newInstance(String.valueOf(configured), Deserializer.class);
            deserializer.configure(consumerProperties, false);
            return deserializer;
        } catch (ClassNotFoundException | RuntimeException e) {
            throw new IllegalStateException("spring.kafka.consumer.value-deserializer must name a Kafka Deserializer"
                    + " for dead-letter replays to decode records as the consumers do; it is " + configured, e);
        }
    }
}
