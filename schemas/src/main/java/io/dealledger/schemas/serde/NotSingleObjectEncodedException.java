package io.dealledger.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The bytes of a record are not Avro single-object encoded (no C3 01 header, or too short). */
public class NotSingleObjectEncodedException extends SerializationException {

    public NotSingleObjectEncodedException(String topic, int length) {
        super("record on topic " + topic + " (" + length + " bytes) is not Avro single-object encoded:"
                + " it does not start with C3 01 and an 8-byte schema fingerprint");
    }
}
