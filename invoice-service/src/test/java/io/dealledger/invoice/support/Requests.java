package io.dealledger.invoice.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dealledger.events.BillingStage;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceRejected;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.schemas.serde.EventDeserializer;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.testkit.kafka.SharedKafka;
import io.dealledger.testkit.kafka.TopicProbe;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** What the gateway would publish, and what invoice-service published back. */
public final class Requests {

    private static final TopicProbe<String, SpecificRecord> OUTCOMES = new TopicProbe<>(Topics.INVOICE_OUTCOMES.name(),
            new StringDeserializer(), new EventDeserializer());
    private static final TopicProbe<String, byte[]> DEAD_LETTERS = new TopicProbe<>(Topics.INVOICE_REQUESTS
            .deadLetterTopic(Service.INVOICE_SERVICE), new StringDeserializer(), new ByteArrayDeserializer());
    /** The header the gateway adds to a dead letter it re-publishes. */
    public static final String REPLAY_OF = "dealledger-replay-of";

    private Requests() {
    }

    public static InvoiceRequested wholeDeal(String dealId) {
        return request(dealId, null);
    }

    public static InvoiceRequested percentage(String dealId, String label, String percent) {
        return request(dealId, BillingStage.newBuilder().setLabel(label)
                .setPercentage(new BigDecimal(percent).setScale(4)).build());
    }

    public static InvoiceRequested fixed(String dealId, String label, String amount, String currency) {
        return request(dealId, BillingStage.newBuilder().setLabel(label)
                .setFixedAmount(new BigDecimal(amount).setScale(3)).setCurrency(currency).build());
    }

    private static InvoiceRequested request(String dealId, BillingStage stage) {
        String requestId = "req-" + UUID.randomUUID();
        return InvoiceRequested.newBuilder().setEventId(requestId).setOccurredAt(Instant.now()).setSource("gateway")
                .setRequestId(requestId).setDealId(dealId).setStage(stage).build();
    }

    /** Publishes the requests as the gateway does, keyed by deal id; answers where each landed. */
    public static List<RecordMetadata> send(InvoiceRequested... requests) {
        List<RecordMetadata> landed = new ArrayList<>();
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                new EventSerializer())) {
            for (InvoiceRequested request : requests) {
                landed.add(producer.send(new ProducerRecord<>(Topics.INVOICE_REQUESTS.name(), request.getDealId(),
                        request)).get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish invoice requests", e);
        }
        return landed;
    }

    /** The records parked on invoice-service's dead-letter topic for the deal, oldest first. */
    public static List<ConsumerRecord<String, byte[]>> deadLetters(String dealId) {
        return DEAD_LETTERS.records().stream().filter(r -> dealId.equals(r.key())).toList();
    }

    public static List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String dealId, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> deadLetters(dealId), found -> found.size() >= count);
    }

    /**
     * Re-publishes a dead letter to invoice.requests.v1 as the gateway's replay does: its key and bytes, its own
     * headers without the dead-lettering ones, plus {@value #REPLAY_OF}.
     */
    public static void replay(ConsumerRecord<String, byte[]> parked) {
        List<Header> headers = new ArrayList<>();
        for (Header header : parked.headers()) {
            if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("dealledger-dlt-")) {
                headers.add(header);
            }
        }
        headers.add(new RecordHeader(REPLAY_OF, (parked.topic() + "/" + parked.partition() + "/" + parked.offset())
                .getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.INVOICE_REQUESTS.name(), null, parked.key(), parked.value(),
                    headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not replay a dead letter", e);
        }
    }

    /** A header's value as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
    }

    /** Every outcome record published for the request, keyed by deal id. */
    public static List<ConsumerRecord<String, SpecificRecord>> outcomes(String requestId) {
        return OUTCOMES.records().stream().filter(r -> requestId.equals(requestIdOf(r.value()))).toList();
    }

    /** Every outcome record published for the deal. */
    public static List<ConsumerRecord<String, SpecificRecord>> outcomesOfDeal(String dealId) {
        return OUTCOMES.records().stream().filter(r -> dealId.equals(r.key())).toList();
    }

    public static List<ConsumerRecord<String, SpecificRecord>> awaitOutcomes(String requestId, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> outcomes(requestId), found -> found.size() >= count);
    }

    public static InvoiceIssued awaitIssued(InvoiceRequested request) {
        SpecificRecord outcome = awaitOutcomes(request.getRequestId(), 1).get(0).value();
        if (outcome instanceof InvoiceIssued issued) {
            return issued;
        }
        throw new AssertionError("expected an invoice for " + request.getDealId() + " but got " + outcome);
    }

    /** The invoice a request got in the end, after the outcomes that said why it had to wait (parked, replayed). */
    public static InvoiceIssued awaitEventuallyIssued(InvoiceRequested request) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> outcomes(request.getRequestId()).stream().map(ConsumerRecord::value)
                        .filter(InvoiceIssued.class::isInstance).map(InvoiceIssued.class::cast).findFirst().orElse(null),
                        issued -> issued != null);
    }

    public static InvoiceRejected awaitRejected(InvoiceRequested request) {
        SpecificRecord outcome = awaitOutcomes(request.getRequestId(), 1).get(0).value();
        if (outcome instanceof InvoiceRejected rejected) {
            return rejected;
        }
        throw new AssertionError("expected a rejection for " + request.getDealId() + " but got " + outcome);
    }

    private static String requestIdOf(SpecificRecord value) {
        if (value instanceof InvoiceIssued issued) {
            return issued.getRequestId();
        }
        if (value instanceof InvoiceRejected rejected) {
            return rejected.getRequestId();
        }
        return null;
    }
}
