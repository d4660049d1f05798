package io.dealledger.schemas.history;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Full compatibility (docs/architecture.md §3): a new schema must read everything an old one wrote (backward) and an
 * old reader must read what the new one writes (forward), so producers and consumers can upgrade in any order.
 */
public final class CompatibilityCheck {

    /** One reason two schemas are not fully compatible, naming the field where Avro names one. */
    public record Problem(String direction, String location, String message) {
        @Override
        public String toString() {
            return direction + " at " + location + ": " + message;
        }
    }

    private CompatibilityCheck() {
    }

    /** Every problem found between {@code earlier} and {@code candidate}; empty when fully compatible. */
    public static List<Problem> problems(Schema earlier, Schema candidate) {
        List<Problem> problems = new ArrayList<>();
        collect("new reader cannot read old data", candidate, earlier, problems);
        collect("old reader cannot read new data", earlier, candidate, problems);
        return problems;
    }

    /** Turns Avro's positional location ({@code /fields/4/type}) into field names ({@code amount}). */
    static String fieldPath(Schema schema, String location) {
        String[] steps = location.split("/");
        StringBuilder path = new StringBuilder();
        Schema current = schema;
        try {
            for (int i = 1; i < steps.length; i++) {
                switch (steps[i]) {
                    case "fields" -> {
                        Schema.Field field = current.getFields().get(Integer.parseInt(steps[++i]));
                        path.append(path.length() == 0 ? "" : ".").append(field.name());
                        current = field.schema();
                    }
                    case "items" -> {
                        current = current.getElementType();
                        path.append("[]");
                    }
                    case "values" -> current = current.getValueType();
                    case "type", "name", "symbols", "size" -> { }
                    default -> current = current.getTypes().get(Integer.parseInt(steps[i]));
                }
            }
        } catch (RuntimeException unresolvable) {
            return location;
        }
        return path.length() == 0 ? location : path + " (" + location + ")";
    }

    private static void collect(String direction, Schema reader, Schema writer, List<Problem> into) {
        List<Incompatibility> found = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult().getIncompatibilities();
        for (Incompatibility incompatibility : found) {
            into.add(new Problem(direction, fieldPath(reader, incompatibility.getLocation()),
                    incompatibility.getType() + " " + incompatibility.getMessage()));
        }
    }
}
