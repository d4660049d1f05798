package io.dealledger.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** An event type was written to, or read from, a catalogued topic that does not carry it. */
public class EventNotAllowedException extends SerializationException {

    public EventNotAllowedException(String topic, String eventType) {
        super("event " + eventType + " is not allowed on topic " + topic + " (see Topics)");
    }
}
