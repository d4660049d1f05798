package io.dealledger.schemas;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** Builds a fully populated instance of any event from its schema: every optional field set, every array filled. */
public final class ExampleEvents {

    private ExampleEvents() {
    }

    public static SpecificRecord of(Class<? extends SpecificRecord> type) {
        return (SpecificRecord) value(SpecificData.get().getSchema(type), type.getSimpleName());
    }

    private static Object value(Schema schema, String field) {
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return new BigDecimal("12.345").setScale(decimal.getScale());
        }
        if (logical instanceof LogicalTypes.TimestampMillis) {
            return Instant.parse("2026-11-21T10:15:30.123Z");
        }
        if (logical instanceof LogicalTypes.Date) {
            return LocalDate.of(2026, 12, 31);
        }
        return switch (schema.getType()) {
            case STRING -> field + "-\u00e9\u4e2d";
            case LONG -> 42L;
            case INT -> 7;
            case BOOLEAN -> true;
            case BYTES -> java.nio.ByteBuffer.wrap((field + "-\u00e9").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case ENUM -> SpecificData.get().createEnum(schema.getEnumSymbols().get(schema.getEnumSymbols().size() - 1), schema);
            case ARRAY -> List.of(value(schema.getElementType(), field));
            case UNION -> value(schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst()
                    .orElseThrow(), field);
            case RECORD -> {
                SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
                for (Schema.Field f : schema.getFields()) {
                    record.put(f.pos(), value(f.schema(), f.name()));
                }
                yield record;
            }
            default -> throw new IllegalArgumentException("no example for " + schema.getType() + " in " + field);
        };
    }
}
