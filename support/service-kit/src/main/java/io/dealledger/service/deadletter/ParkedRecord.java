package io.dealledger.service.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.schemas.history.SchemaHistory;
import io.dealledger.schemas.serde.EventDeserializer;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.kafka.DeadLetters;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * One record on a dead-letter topic, read as raw bytes, and what its headers and value say: where it came
 * from, why it was parked, which failure category, and (where the bytes are a readable event) its type and ids.
 * Headers written by spring-kafka's {@code DeadLetterPublishingRecoverer} ({@code kafka_dlt-original-*}) and by
 * ledger-projection-service's Streams handler ({@value #ORIGIN_HEADER}) are both understood.
 */
public record ParkedRecord(DeadLetterTopic topic, ConsumerRecord<String, byte[]> record) {

    /** On a replayed record handed back to its listener, where it was parked: {@code <dead-letter topic>/<partition>/<offset>}. */
    public static final String REPLAY_OF_HEADER = "dealledger-replay-of";

    /** ledger-projection-service's Streams dead letters say where they came from as {@code <topic>-<partition>@<offset>}. */
    public static final String ORIGIN_HEADER = "dealledger-dlt-origin";

    /** Headers that describe the dead-lettering (or an earlier replay), not the record: not re-published. */
    private static final List<String> DEAD_LETTERING_HEADERS = List.of("kafka_dlt-", "dealledger-dlt-",
            "springDeserializerException", REPLAY_OF_HEADER);

    private static final Pattern STREAMS_ORIGIN = Pattern.compile("(.+)-([0-9]{1,9})@([0-9]{1,18})");

    private static final EventDeserializer EVENTS = new EventDeserializer();

    /** The topic (and, where known, partition and offset) a dead letter was consumed from. */
    public record Origin(String topic, Integer partition, Long offset) {
    }

    /** The event the value holds, as far as it can be read. */
    public record Event(String type, String eventId, String organizationId, String dealId) {

        public static final Event UNREADABLE = new Event(null, null, null, null);
    }

    /** The key under which a replay of this record is recorded on deadletters.replays.v1. */
    public String replayKey() {
        return Topics.deadLetterKey(topic.name(), record.partition(), record.offset());
    }

    /** Where the record was consumed from: the headers' word, else the topic the dead-letter topic is named after. */
    public Origin origin() {
        String original = header(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (original != null) {
            byte[] partition = bytes(KafkaHeaders.DLT_ORIGINAL_PARTITION);
            byte[] offset = bytes(KafkaHeaders.DLT_ORIGINAL_OFFSET);
            return new Origin(original,
                    partition != null && partition.length == Integer.BYTES ? ByteBuffer.wrap(partition).getInt() : null,
                    offset != null && offset.length == Long.BYTES ? ByteBuffer.wrap(offset).getLong() : null);
        }
        Matcher origin = STREAMS_ORIGIN.matcher(Objects.requireNonNullElse(header(ORIGIN_HEADER), ""));
        if (origin.matches()) {
            return new Origin(origin.group(1), Integer.valueOf(origin.group(2)), Long.valueOf(origin.group(3)));
        }
        return new Origin(topic.sourceTopic(), null, null);
    }

    /** Why the service parked it: its own reason header, else spring-kafka's exception message. */
    public String reason() {
        String reason = header(DeadLetters.REASON_HEADER);
        return reason != null ? reason : header(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
    }

    /**
     * The category the service gave it. One written without (before categories existed, or by
     * ledger-projection-service's Streams handler, which parks only what it cannot deserialize) is an unreadable
     * event when that handler parked it or its bytes are not an event, and unexplained (INTERNAL) otherwise.
     */
    public FailureCategory category() {
        String category = header(FailureCategory.HEADER);
        if (category != null) {
            return FailureCategory.parse(category);
        }
        return header(ORIGIN_HEADER) != null || eventType().isEmpty() ? FailureCategory.UNREADABLE_EVENT
                : FailureCategory.INTERNAL;
    }

    /** The event type its bytes' schema fingerprint names, whether or not the rest of them can be decoded. */
    public Optional<String> eventType() {
        byte[] value = record.value();
        if (value == null || value.length < 10 || value[0] != (byte) 0xC3 || value[1] != (byte) 0x01) {
            return Optional.empty();
        }
        long fingerprint = 0;
        for (int i = 9; i >= 2; i--) {
            fingerprint = (fingerprint << 8) | (value[i] & 0xFFL);
        }
        return SchemaHistory.catalogue().byFingerprint(fingerprint).map(version -> version.eventType().getSimpleName());
    }

    public Event event() {
        String type = eventType().orElse(null);
        if (type == null) {
            return Event.UNREADABLE;
        }
        try {
            // decoded under the dead-letter topic's name: the catalogue's "allowed on this topic" check is for
            // consumers, and a record parked for carrying the wrong type should still show what it is
            SpecificRecord event = EVENTS.deserialize(topic.name(), record.value());
            return new Event(type, field(event, "eventId"), field(event, "organizationId"), field(event, "dealId"));
        } catch (RuntimeException unreadable) {
            return new Event(type, null, null, null);
        }
    }

    /** The record's own headers, as its writer sent them, without what dead-lettering added. */
    public List<Header> originalHeaders() {
        return StreamSupport.stream(record.headers().spliterator(), false)
                .filter(h -> DEAD_LETTERING_HEADERS.stream().noneMatch(h.key()::startsWith))
                .map(h -> (Header) new RecordHeader(h.key(), h.value()))
                .toList();
    }

    public Instant deadLetteredAt() {
        return Instant.ofEpochMilli(record.timestamp());
    }

    private String header(String name) {
        byte[] value = bytes(name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private byte[] bytes(String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    private static String field(SpecificRecord event, String name) {
        Schema.Field field = event.getSchema().getField(name);
        Object value = field == null ? null : event.get(field.pos());
        return value == null ? null : value.toString();
    }
}
