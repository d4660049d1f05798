package io.dealledger.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.dealledger.schemas.history.SchemaHistory;
import io.dealledger.schemas.topics.Topics;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes any dealledger event as Avro single-object encoding. Several event types may share a topic: the
 * fingerprint in each record says which. Refuses an event that the topic catalogue does not allow on the topic.
 */
public class EventSerializer implements Serializer<SpecificRecord> {

    private final Map<Class<?>, Writer> writers = new ConcurrentHashMap<>();

    private record Writer(SpecificDatumWriter<SpecificRecord> datumWriter, long fingerprint) {
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord event) {
        if (event == null) {
            return null;
        }
        Topics.byName(topic).filter(spec -> !spec.allows(event.getClass())).ifPresent(spec -> {
            throw new EventNotAllowedException(topic, event.getClass().getSimpleName());
        });
        Writer writer = writers.computeIfAbsent(event.getClass(), type -> writerFor(event.getSchema(), type));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            byte[] header = new byte[SingleObjectEncoding.HEADER_LENGTH];
            SingleObjectEncoding.writeHeader(writer.fingerprint(), header);
            out.write(header);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.datumWriter().write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize " + event.getClass().getSimpleName()
                    + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private static Writer writerFor(Schema schema, Class<?> type) {
        return new Writer(new SpecificDatumWriter<>(schema, SpecificData.getForClass(type)),
                SchemaHistory.fingerprint(schema));
    }
}
