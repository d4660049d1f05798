package io.dealledger.payment.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dealledger.events.CreditNoteChanged;
import io.dealledger.events.InvoiceChanged;
import io.dealledger.events.InvoiceLinkRequested;
import io.dealledger.events.InvoiceUnlinkRequested;
import io.dealledger.events.PaymentDeleted;
import io.dealledger.events.PaymentReceived;
import io.dealledger.schemas.serde.EventDeserializer;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.testkit.kafka.SharedKafka;
import io.dealledger.testkit.kafka.TopicProbe;

import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Publishes what the gateway would, and reads what payment-service wrote. */
public final class Kafka {

    private static final KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new EventSerializer());

    private Kafka() {
    }

    public static void paymentReceived(String org, String paymentId) {
        paymentReceivedBehind(paymentId, org, paymentId);
    }

    /**
     * A payment notification keyed by its organization, as the gateway keys every Books hint: behind whatever was sent
     * for the organization before it ({@code key} names what it is sent behind, for the reader).
     */
    public static void paymentReceivedBehind(String key, String org, String paymentId) {
        send(Topics.BOOKS_EVENTS, org, PaymentReceived.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now()).setSource("books").setOrganizationId(org).setPaymentId(paymentId).build());
    }

    /**
     * A payment notification as Books' webhook carries it: the payment with its applications ({@code invoiceAmounts}
     * is invoice id, amount applied, ...), as the gateway normalizes it.
     */
    public static void paymentReceived(String org, String paymentId, String currency, String... invoiceAmounts) {
        List<io.dealledger.events.NotifiedApplication> applications = new java.util.ArrayList<>();
        List<String> invoiceIds = new java.util.ArrayList<>();
        for (int i = 0; i < invoiceAmounts.length; i += 2) {
            invoiceIds.add(invoiceAmounts[i]);
            applications.add(io.dealledger.events.NotifiedApplication.newBuilder().setInvoiceId(invoiceAmounts[i])
                    .setAmountApplied(new java.math.BigDecimal(invoiceAmounts[i + 1]).setScale(3)).build());
        }
        send(Topics.BOOKS_EVENTS, org, PaymentReceived.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now()).setSource("books").setOrganizationId(org).setPaymentId(paymentId)
                .setCurrency(currency).setDate(java.time.LocalDate.now()).setInvoiceIds(invoiceIds)
                .setApplications(applications).build());
    }

    public static void paymentDeleted(String org, String paymentId, List<String> invoiceIds) {
        send(Topics.BOOKS_EVENTS, org, PaymentDeleted.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now()).setSource("books").setOrganizationId(org).setPaymentId(paymentId)
                .setInvoiceIds(invoiceIds).build());
    }

    public static void invoiceChanged(String org, String invoiceId) {
        send(Topics.BOOKS_EVENTS, org, InvoiceChanged.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now()).setSource("books").setOrganizationId(org).setInvoiceId(invoiceId).build());
    }

    /** An invoice webhook as the gateway builds it, carrying the invoice as Books shows it (status, amounts, due date). */
    public static void invoiceChanged(String org, String invoiceId, tools.jackson.databind.JsonNode invoice) {
        send(Topics.BOOKS_EVENTS, org, InvoiceChanged.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now()).setSource("books").setOrganizationId(org).setInvoiceId(invoiceId)
                .setStatus(invoice.path("status").asString()).setTotal(invoice.path("total").decimalValue())
                .setBalance(invoice.path("balance").decimalValue())
                .setDueDate(invoice.path("due_date").asString("").isBlank() ? null
                        : java.time.LocalDate.parse(invoice.path("due_date").asString())).build());
    }

    public static void creditNoteChanged(String org, String creditNoteId) {
        send(Topics.BOOKS_EVENTS, org, CreditNoteChanged.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now()).setSource("books").setOrganizationId(org).setCreditNoteId(creditNoteId).build());
    }

    public static void linkRequested(String org, String invoiceId, String dealId, String requestId) {
        send(Topics.INVOICE_LINKS, invoiceId, InvoiceLinkRequested.newBuilder().setEventId(requestId)
                .setOccurredAt(Instant.now()).setSource("gateway").setOrganizationId(org).setRequestId(requestId)
                .setInvoiceId(invoiceId).setDealId(dealId).build());
    }

    public static void unlinkRequested(String org, String invoiceId, String dealId, String requestId) {
        send(Topics.INVOICE_LINKS, invoiceId, InvoiceUnlinkRequested.newBuilder().setEventId(requestId)
                .setOccurredAt(Instant.now()).setSource("gateway").setOrganizationId(org).setRequestId(requestId)
                .setInvoiceId(invoiceId).setDealId(dealId).build());
    }

    public static void send(TopicSpec topic, String key, SpecificRecord event) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), key, event)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** An event put on one partition whatever its key (a record keyed otherwise, written before a key changed). */
    public static void sendTo(TopicSpec topic, int partition, String key, SpecificRecord event) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), partition, key, event)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The facts on ledger.facts.v1 for one invoice, in offset order. */
    public static List<SpecificRecordBase> facts(String org, String invoiceId) {
        String key = Topics.ledgerFactKey(org, invoiceId);
        return new TopicProbe<>(Topics.LEDGER_FACTS.name(), new StringDeserializer(), new EventDeserializer()).records()
                .stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value)
                .map(SpecificRecordBase.class::cast).toList();
    }

    /** Waits until the invoice has exactly the fact types given (in any order), then answers its facts. */
    public static List<SpecificRecordBase> awaitFacts(String org, String invoiceId, String... types) {
        List<String> expected = List.of(types).stream().sorted().toList();
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> facts(org, invoiceId), facts -> facts.stream().map(f -> f.getClass().getSimpleName())
                        .sorted().toList().equals(expected));
    }

    public static <T> T only(List<SpecificRecordBase> facts, Class<T> type) {
        List<T> found = facts.stream().filter(type::isInstance).map(type::cast).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + " in " + facts);
        }
        return found.get(0);
    }
}
