package io.dealledger.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.dealledger.events.DealChanged;
import io.dealledger.events.PaymentApplied;
import io.dealledger.schemas.ExampleEvents;
import io.dealledger.schemas.history.SchemaHistory;
import io.dealledger.schemas.topics.Topics;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class EventSerdeTest {

    private final EventSerializer serializer = new EventSerializer();
    private final EventDeserializer deserializer = new EventDeserializer();

    @Test
    void writesAvroSingleObjectEncodingWithTheSchemaFingerprint() {
        SpecificRecord event = ExampleEvents.of(PaymentApplied.class);

        byte[] bytes = serializer.serialize(Topics.LEDGER_FACTS.name(), event);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(SingleObjectEncoding.fingerprint(bytes))
                .isEqualTo(SchemaHistory.fingerprint(PaymentApplied.getClassSchema()));
        assertThat(deserializer.deserialize(Topics.LEDGER_FACTS.name(), bytes)).isEqualTo(event);
    }

    @Test
    void amountsWithFewerDecimalsThanTheSchemaKeepTheirValue() {
        PaymentApplied payment = PaymentApplied.newBuilder().setEventId("e1").setOccurredAt(Instant.EPOCH)
                .setSource("books").setOrganizationId("org").setInvoiceId("inv").setPaymentId("pay")
                .setAmount(new BigDecimal("19.9")).setCurrency("USD").build();

        PaymentApplied read = (PaymentApplied) deserializer.deserialize(Topics.LEDGER_FACTS.name(),
                serializer.serialize(Topics.LEDGER_FACTS.name(), payment));

        assertThat(read.getAmount()).isEqualByComparingTo("19.900");
    }

    @Test
    void anUnknownFingerprintIsReportedWithTheFingerprint() {
        byte[] bytes = serializer.serialize(Topics.LEDGER_FACTS.name(), ExampleEvents.of(PaymentApplied.class));
        bytes[2] ^= 0x5A;
        String hex = String.format("%016x", SingleObjectEncoding.fingerprint(bytes));

        assertThatThrownBy(() -> deserializer.deserialize(Topics.LEDGER_FACTS.name(), bytes))
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessageContaining(hex).hasMessageContaining("ledger.facts.v1");
    }

    @Test
    void bytesThatAreNotSingleObjectEncodedAreRefused() {
        assertThatThrownBy(() -> deserializer.deserialize("ledger.facts.v1", "{\"amount\":1}".getBytes()))
                .isInstanceOf(NotSingleObjectEncodedException.class).hasMessageContaining("C3 01");
        assertThatThrownBy(() -> deserializer.deserialize("ledger.facts.v1", new byte[] {(byte) 0xC3, 0x01, 1}))
                .isInstanceOf(NotSingleObjectEncodedException.class);
    }

    @Test
    void anEventIsRefusedOnATopicThatDoesNotCarryIt() {
        SpecificRecord payment = ExampleEvents.of(PaymentApplied.class);

        assertThatThrownBy(() -> serializer.serialize(Topics.INVOICE_REQUESTS.name(), payment))
                .isInstanceOf(EventNotAllowedException.class).hasMessageContaining("PaymentApplied");
        byte[] bytes = serializer.serialize(Topics.LEDGER_FACTS.name(), payment);
        assertThatThrownBy(() -> deserializer.deserialize(Topics.CRM_DEALS.name(), bytes))
                .isInstanceOf(EventNotAllowedException.class).hasMessageContaining("crm.deals.v1");
    }

    @Test
    void bytesWrittenWithAnOlderSchemaVersionDecodeIntoTodaysClass() throws IOException {
        SchemaHistory withOldVersion = SchemaHistory.load(List.of(DealChanged.class), "history-fixture");
        Schema v1 = withOldVersion.versionsOf(DealChanged.class).get(0).schema();
        GenericRecord old = new GenericData.Record(v1);
        old.put("eventId", "deal-change-1");
        old.put("occurredAt", 1_700_000_000_000L);
        old.put("source", "crm");
        old.put("dealId", "5725767000000411001");
        old.put("amount", new Conversions.DecimalConversion().toBytes(new BigDecimal("12000.000"),
                v1.getField("amount").schema().getTypes().get(1), v1.getField("amount").schema().getTypes().get(1).getLogicalType()));
        old.put("currency", "EUR");
        old.put("stage", "Closed Won");

        DealChanged read = (DealChanged) new EventDeserializer(withOldVersion)
                .deserialize(Topics.CRM_DEALS.name(), singleObject(v1, old));

        assertThat(read.getDealId()).isEqualTo("5725767000000411001");
        assertThat(read.getAmount()).isEqualByComparingTo("12000");
        assertThat(read.getCurrency()).isEqualTo("EUR");
        assertThat(read.getStage()).isEqualTo("Closed Won");
        assertThat(read.getLegalEntity()).isNull();
        assertThat(read.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    }

    private static byte[] singleObject(Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = new byte[SingleObjectEncoding.HEADER_LENGTH];
        SingleObjectEncoding.writeHeader(SchemaHistory.fingerprint(schema), header);
        out.write(header);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
