package io.dealledger.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The project's one serde for event values, for Kafka Streams and for typed producers and consumers. */
public final class EventSerde extends Serdes.WrapperSerde<SpecificRecord> {

    public EventSerde() {
        super(new EventSerializer(), new EventDeserializer());
    }

    /** A serde for a topic that carries a single event type, typed as that event. */
    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> Serde<T> of(Class<T> eventType) {
        EventSerializer serializer = new EventSerializer();
        EventDeserializer deserializer = new EventDeserializer();
        return Serdes.serdeFrom((topic, event) -> serializer.serialize(topic, event),
                (topic, bytes) -> {
                    SpecificRecord event = deserializer.deserialize(topic, bytes);
                    if (event != null && !eventType.isInstance(event)) {
                        throw new EventNotAllowedException(topic, event.getClass().getSimpleName());
                    }
                    return (T) event;
                });
    }
}
