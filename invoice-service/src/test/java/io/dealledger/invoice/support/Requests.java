package io.dealledger.invoice.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dealledger.events.BillingStage;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceRejected;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.schemas.serde.EventDeserializer;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.testkit.kafka.SharedKafka;
import io.dealledger.testkit.kafka.TopicProbe;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** What the gateway would publish, and what invoice-service published back. */
public final class Requests {

    private static final TopicProbe<String, SpecificRecord> OUTCOMES = new TopicProbe<>(Topics.INVOICE_OUTCOMES.name(),
            new StringDeserializer(), new EventDeserializer());

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

    public static void send(InvoiceRequested... requests) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config, new StringSerializer(),
                new EventSerializer())) {
            for (InvoiceRequested request : requests) {
                producer.send(new ProducerRecord<>(Topics.INVOICE_REQUESTS.name(), request.getDealId(), request)).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish invoice requests", e);
        }
    }

    /** Every outcome record published for the request, keyed by deal id. */
    public static List<ConsumerRecord<String, SpecificRecord>> outcomes(String requestId) {
        return OUTCOMES.records().stream().filter(r -> requestId.equals(requestIdOf(r.value()))).toList();
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
