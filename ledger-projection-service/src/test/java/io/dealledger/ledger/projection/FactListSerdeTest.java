package io.dealledger.ledger.projection;

import static io.dealledger.ledger.Events.imported;
import static io.dealledger.ledger.Events.linked;
import static io.dealledger.ledger.Events.paid;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import io.dealledger.events.InvoiceLinked;
import io.dealledger.schemas.serde.EventSerializer;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** An invoice's stored facts: read back as written, and written back without re-encoding the facts already stored. */
class FactListSerdeTest {

    private static final String TOPIC = "ledger-projection-service-invoice-facts-changelog";
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private final FactListSerde serde = new FactListSerde();

    @Test
    void anInvoicesFactsReadBackAsTheyWereStored_andAnAddedFactComesLast() {
        List<SpecificRecord> facts = List.of(
                imported("f-1", AT, "10234695", "inv-1", "INV-1", "500.00", "EUR", LocalDate.parse("2026-03-31")),
                linked("f-2", AT, "10234695", "inv-1", "deal-1"));
        byte[] stored = serde.serializer().serialize(TOPIC, facts);

        List<SpecificRecord> read = serde.deserializer().deserialize(TOPIC, stored);
        SpecificRecord payment = paid("f-3", AT, "10234695", "inv-1", "pay-1", "200.00", "EUR",
                LocalDate.parse("2026-03-02"));
        byte[] again = serde.serializer().serialize(TOPIC, StoredFacts.with(read, payment));

        assertThat(read).isEqualTo(facts);
        assertThat(serde.deserializer().deserialize(TOPIC, again)).containsExactly(facts.get(0), facts.get(1), payment);
        assertThat(again).isEqualTo(serde.serializer().serialize(TOPIC, List.of(facts.get(0), facts.get(1), payment)));
    }

    /** Re-encoding would write the link under today's schema; the stored bytes are kept instead. */
    @Test
    void aFactStoredUnderAnOlderSchemaKeepsItsBytesWhenTheInvoiceGetsAnotherFact() throws Exception {
        byte[] linkAsFirstWritten = inFirstSchema(linked("f-2", AT, "10234695", "inv-1", "deal-1"));
        byte[] stored = ByteBuffer.allocate(8 + linkAsFirstWritten.length).putInt(1).putInt(linkAsFirstWritten.length)
                .put(linkAsFirstWritten).array();

        List<SpecificRecord> read = serde.deserializer().deserialize(TOPIC, stored);
        SpecificRecord payment = paid("f-3", AT, "10234695", "inv-1", "pay-1", "200.00", "EUR",
                LocalDate.parse("2026-03-02"));
        byte[] again = serde.serializer().serialize(TOPIC, StoredFacts.with(read, payment));

        assertThat(((InvoiceLinked) read.get(0)).getDealId()).isEqualTo("deal-1");
        assertThat(new EventSerializer().serialize(TOPIC, read.get(0))).isNotEqualTo(linkAsFirstWritten);
        ByteBuffer frames = ByteBuffer.wrap(again);
        assertThat(frames.getInt()).isEqualTo(2);
        byte[] first = new byte[frames.getInt()];
        frames.get(first);
        assertThat(first).isEqualTo(linkAsFirstWritten);
        assertThat(serde.deserializer().deserialize(TOPIC, again)).containsExactly(read.get(0), payment);
    }

    private static byte[] inFirstSchema(InvoiceLinked link) throws Exception {
        Schema v1;
        try (InputStream in = FactListSerdeTest.class.getResourceAsStream("/avro-history/InvoiceLinked/v1.avsc")) {
            v1 = new Schema.Parser().parse(in);
        }
        GenericRecord record = new GenericData.Record(v1);
        v1.getFields().forEach(field -> record.put(field.name(), link.get(field.name())));
        // the generated class's model: it knows the timestamps' conversion
        return new BinaryMessageEncoder<GenericRecord>(SpecificData.getForClass(InvoiceLinked.class), v1).encode(record)
                .array();
    }

    @Test
    void aListNotReadFromTheStoreIsEncodedWhole() {
        List<SpecificRecord> facts = List.of(linked("f-2", AT, "10234695", "inv-1", "deal-1"));
        StoredFacts added = StoredFacts.with(facts, paid("f-3", AT, "10234695", "inv-1", "pay-1", "1.00", "EUR",
                LocalDate.parse("2026-03-02")));

        assertThat(Arrays.asList(added.encoded(0), added.encoded(1))).containsOnlyNulls();
        assertThat(serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, added))).isEqualTo(added);
    }
}
