package io.dealledger.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** A record's writer-schema fingerprint is in no schema history: it cannot be read, only dead-lettered. */
public class UnknownSchemaException extends SerializationException {

    private final String fingerprint;

    public UnknownSchemaException(String topic, String fingerprint) {
        super("record on topic " + topic + " was written with schema fingerprint " + fingerprint
                + ", which is not in the schema history of any event");
        this.fingerprint = fingerprint;
    }

    public String fingerprint() {
        return fingerprint;
    }
}
