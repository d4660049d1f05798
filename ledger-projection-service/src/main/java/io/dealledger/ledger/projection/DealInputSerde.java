package io.dealledger.ledger.projection;

import io.dealledger.ledger.deal.DealInput;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON for the deal inputs the invoice ledger sends through the {@code invoices-by-deal} repartition topic: the input
 * with a {@value #KIND} field naming its type. A record without one was written before there was more than one
 * kind, and is an {@link DealInput.InvoiceChanged}, so records in flight across an upgrade still read.
 */
final class DealInputSerde implements Serde<DealInput> {

    static final String KIND = "kind";

    @Override
    public Serializer<DealInput> serializer() {
        return (topic, input) -> {
            if (input == null) {
                return null;
            }
            try {
                ObjectNode json = JsonSerde.MAPPER.valueToTree(input);
                json.put(KIND, input.getClass().getSimpleName());
                return JsonSerde.MAPPER.writeValueAsBytes(json);
            } catch (JacksonException e) {
                throw new SerializationException("cannot write " + input.getClass().getSimpleName() + " for " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<DealInput> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
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
