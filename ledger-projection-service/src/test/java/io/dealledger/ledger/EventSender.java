package io.dealledger.ledger;

import java.util.List;
import java.util.Properties;

import io.dealledger.events.DealChanged;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceRejected;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.testkit.kafka.SharedKafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events to the topics and keys the rest of dealledger would, on the shared broker. */
public final class EventSender implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;

    public EventSender() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer = new KafkaProducer<>(config, new StringSerializer(), new EventSerializer());
    }

    /** Sends every event, then waits until all are acknowledged. */
    public void sendAll(List<? extends SpecificRecord> events) {
        events.forEach(event -> producer.send(record(event)));
        producer.flush();
    }

    private static ProducerRecord<String, SpecificRecord> record(SpecificRecord event) {
        if (event instanceof DealChanged changed) {
            return new ProducerRecord<>(Topics.CRM_DEALS.name(), changed.getDealId(), event);
        } else if (event instanceof InvoiceRequested requested) {
            return new ProducerRecord<>(Topics.INVOICE_REQUESTS.name(), requested.getDealId(), event);
        } else if (event instanceof InvoiceIssued issued) {
            return new ProducerRecord<>(Topics.INVOICE_OUTCOMES.name(), issued.getDealId(), event);
        } else if (event instanceof InvoiceRejected rejected) {
            return new ProducerRecord<>(Topics.INVOICE_OUTCOMES.name(), rejected.getDealId(), event);
        }
        String key = Topics.ledgerFactKey((String) event.get(event.getSchema().getField("organizationId").pos()),
                (String) event.get(event.getSchema().getField("invoiceId").pos()));
        return new ProducerRecord<>(Topics.LEDGER_FACTS.name(), key, event);
    }

    @Override
    public void close() {
        producer.close();
    }
}
