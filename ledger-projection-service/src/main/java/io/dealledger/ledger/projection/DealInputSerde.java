package io.dealledger.ledger.projection;

import io.dealledger.ledger.deal.DealInput;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The deal inputs the invoice ledger sends through the {@code invoices-by-deal} repartition topic, written in
 * {@link DealCodec}'s binary form. Records in flight across an upgrade still read: the JSON written before it is the
 * input with a {@value #KIND} field naming its type, and a JSON record without one was written before there was more
 * than one kind, and is an {@link DealInput.InvoiceChanged}.
 */
final class DealInputSerde implements Serde<DealInput> {

    static final String KIND = "kind";

    @Override
    public Serializer<DealInput> serializer() {
        return (topic, input) -> input == null ? null : DealCodec.encode(input);
    }

    @Override
    public Deserializer<DealInput> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            if (data.length == 0 || data[0] != DealCodec.JSON) {
                try {
                    return DealCodec.decodeInput(data);
                } catch (RuntimeException e) {
                    throw new SerializationException("cannot read a deal input from " + topic, e);
                }
            }
            try {
                JsonNode json = JsonSerde.MAPPER.readTree(data);
                return JsonSerde.MAPPER.treeToValue(json, type(json.path(KIND).asString("InvoiceChanged")));
            } catch (JacksonException | IllegalArgumentException e) {
                throw new SerializationException("cannot read a deal input from " + topic, e);
            }
        };
    }

    private static Class<? extends DealInput> type(String kind) {
        return switch (kind) {
            case "InvoiceChanged" -> DealInput.InvoiceChanged.class;
            case "AccountSeen" -> DealInput.AccountSeen.class;
            case "LinkSeen" -> DealInput.LinkSeen.class;
            case "LinkRejectionChanged" -> DealInput.LinkRejectionChanged.class;
            default -> throw new IllegalArgumentException("unknown deal input kind " + kind);
        };
    }
}
