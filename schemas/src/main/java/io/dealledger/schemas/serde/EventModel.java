package io.dealledger.schemas.serde;

import java.util.ArrayList;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificData;

/**
 * The Avro data model events are decoded with. Avro's own array type compares its elements without the
 * events' logical-type conversions, so two equal events holding optional dates would not be equal (or
 * would throw); decoding arrays into plain lists makes events compare as Java values do.
 */
final class EventModel extends SpecificData {

    static final EventModel INSTANCE = new EventModel();

    private EventModel() {
        super(EventModel.class.getClassLoader());
        addLogicalTypeConversion(new Conversions.DecimalConversion());
        addLogicalTypeConversion(new TimeConversions.DateConversion());
        addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    }

    @Override
    public Object newArray(Object old, int size, Schema schema) {
        return new ArrayList<>(size);
    }
}
