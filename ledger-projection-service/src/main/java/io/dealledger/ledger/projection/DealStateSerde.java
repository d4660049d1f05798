package io.dealledger.ledger.projection;

import io.dealledger.ledger.deal.DealState;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A deal's state in store {@value LedgerTopology#DEAL_STORE} and its changelog: written in {@link DealCodec}'s
 * binary form; read in it or in the JSON written before it (a store or changelog of an earlier version).
 */
final class DealStateSerde implements Serde<DealState> {

    private final JsonSerde<DealState> json = new JsonSerde<>(DealState.class);

    @Override
    public Serializer<DealState> serializer() {
        return (topic, state) -> state == null ? null : DealCodec.encode(state);
    }

    @Override
    public Deserializer<DealState> deserializer() {
        Deserializer<DealState> earlier = json.deserializer();
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            if (data.length > 0 && data[0] == DealCodec.JSON) {
                return earlier.deserialize(topic, data);
            }
            try {
                return DealCodec.decodeState(data);
            } catch (RuntimeException e) {
                throw new SerializationException("cannot read a deal state from " + topic, e);
            }
        };
    }
}
