package io.dealledger.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.dealledger.schemas.history.SchemaHistory;
import io.dealledger.schemas.history.SchemaVersion;
import io.dealledger.schemas.topics.Topics;

import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro single-object encoded events into today's generated classes, whichever published schema
 * version wrote them. Unreadable bytes fail with an exception naming why ({@link UnknownSchemaException},
 * {@link NotSingleObjectEncodedException}, {@link EventNotAllowedException}), for the consumer's error
 * handler to dead-letter; nothing is swallowed.
 */
public class EventDeserializer implements Deserializer<SpecificRecord> {

    private final SchemaHistory history;
    private final Map<Long, SpecificDatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();

    public EventDeserializer() {
        this(SchemaHistory.catalogue());
    }

    public EventDeserializer(SchemaHistory history) {
        TrustedEvents.register();
        this.history = history;
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (!SingleObjectEncoding.hasHeader(data)) {
            throw new NotSingleObjectEncodedException(topic, data.length);
        }
        long fingerprint = SingleObjectEncoding.fingerprint(data);
        SchemaVersion writer = history.byFingerprint(fingerprint)
                .orElseThrow(() -> new UnknownSchemaException(topic, String.format("%016x", fingerprint)));
        Topics.byName(topic).filter(spec -> !spec.allows(writer.eventType())).ifPresent(spec -> {
            throw new EventNotAllowedException(topic, writer.eventType().getSimpleName());
        });
        try {
            return readers.computeIfAbsent(fingerprint, f -> readerFor(writer)).read(null,
                    DecoderFactory.get().binaryDecoder(data, SingleObjectEncoding.HEADER_LENGTH,
                            data.length - SingleObjectEncoding.HEADER_LENGTH, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode " + writer.eventType().getSimpleName() + " v"
                    + writer.version() + " from topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private static SpecificDatumReader<SpecificRecord> readerFor(SchemaVersion writer) {
        return new SpecificDatumReader<>(writer.schema(), SchemaHistory.currentSchema(writer.eventType()),
                EventModel.INSTANCE);
    }
}
