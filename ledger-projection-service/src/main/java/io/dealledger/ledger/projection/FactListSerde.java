package io.dealledger.ledger.projection;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.dealledger.schemas.serde.EventDeserializer;
import io.dealledger.schemas.serde.EventSerializer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The stored state of one invoice: its accepted facts, each in the events' own wire format (Avro single-object
 * encoding, so old facts still read after a schema evolves), framed as {@code count, (length, bytes)*}. It reads
 * {@link StoredFacts}, so a fact read from the store is written back with the bytes it was read from.
 */
final class FactListSerde implements Serde<List<SpecificRecord>> {

    private final EventSerializer events = new EventSerializer();
    private final EventDeserializer reader = new EventDeserializer();

    @Override
    public Serializer<List<SpecificRecord>> serializer() {
        return (topic, facts) -> {
            if (facts == null) {
                return null;
            }
            List<byte[]> encoded = new ArrayList<>(facts.size());
            for (int i = 0; i < facts.size(); i++) {
                byte[] stored = facts instanceof StoredFacts known ? known.encoded(i) : null;
                encoded.add(stored != null ? stored : events.serialize(topic, facts.get(i)));
            }
            ByteBuffer buffer = ByteBuffer.allocate(4 + encoded.stream().mapToInt(bytes -> 4 + bytes.length).sum());
            buffer.putInt(encoded.size());
            encoded.forEach(bytes -> buffer.putInt(bytes.length).put(bytes));
            return buffer.array();
        };
    }

    @Override
    public Deserializer<List<SpecificRecord>> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(data);
            int count = buffer.getInt();
            List<SpecificRecord> facts = new ArrayList<>(count);
            List<byte[]> encoded = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int length = buffer.getInt();
                int start = buffer.position();
                byte[] fact = Arrays.copyOfRange(data, start, start + length);
                facts.add(reader.deserialize(topic, fact));
                encoded.add(fact);
                buffer.position(start + length);
            }
            return new StoredFacts(facts, encoded);
        };
    }
}
