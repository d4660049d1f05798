package io.dealledger.schemas.history;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** One published version of an event's schema, with the fingerprint that single-object encoding puts on the wire. */
public record SchemaVersion(Class<? extends SpecificRecord> eventType, int version, Schema schema, long fingerprint) {

    public String fingerprintHex() {
        return String.format("%016x", fingerprint);
    }
}
