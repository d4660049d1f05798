package io.dealledger.payment.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.dealledger.payment.facts.Fact;
import io.dealledger.payment.ledger.InvoiceStore;
import io.dealledger.payment.ledger.LedgerMemory;
import io.dealledger.payment.metrics.PaymentMetrics;
import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * The single writer of ledger.facts.v1 (and of payment-service's checkpoint and notice topics). A fact already
 * on the topic (known to {@link LedgerMemory}) is not sent again; the rest are sent, acknowledged by every
 * in-sync replica, then remembered, then the snapshots of their invoices are written to payment.invoices.v1
 * ({@link InvoiceStore}). A failure propagates, so the caller's event is retried: the facts that did land are then
 * recognised by their ids. (A crash between a fact and its snapshot leaves the next owner without it: it derives the
 * same fact with the same id again, which every fold of ledger.facts.v1 counts once.)
 */
public class FactPublisher {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final LedgerMemory memory;
    private final PaymentMetrics metrics;
    private final InvoiceStore store;

    public FactPublisher(KafkaTemplate<String, SpecificRecord> kafka, LedgerMemory memory, InvoiceStore store,
                         PaymentMetrics metrics) {
        this.kafka = kafka;
        this.memory = memory;
        this.store = store;
        this.metrics = metrics;
    }

    /** Publishes the facts not on the topic yet, in order; answers those it published. */
    public List<Fact> publish(List<Fact> facts, Trigger trigger) {
        List<Fact> fresh = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Fact fact : facts) {
            if (!memory.knows(fact) && ids.add(fact.eventId())) {
                fresh.add(fact);
            }
        }
        List<CompletableFuture<SendResult<String, SpecificRecord>>> sends = new ArrayList<>();
        for (Fact fact : fresh) {
            sends.add(kafka.send(Topics.LEDGER_FACTS.name(), fact.key(), fact.event()));
        }
        for (int i = 0; i < fresh.size(); i++) {
            await(sends.get(i));
            Fact fact = fresh.get(i);
            memory.remember(fact);
            metrics.factEmitted(fact.type(), trigger.tag());
            if (trigger == Trigger.POLLER) {
                metrics.pollerCatch(fact.type());
            }
        }
        java.util.Map<String, java.util.Set<String>> invoicesByOrg = new java.util.LinkedHashMap<>();
        fresh.forEach(fact -> invoicesByOrg.computeIfAbsent(fact.organizationId(), k -> new java.util.LinkedHashSet<>())
                .add(fact.invoiceId()));
        invoicesByOrg.forEach(store::write);
        return fresh;
    }

    /** Publishes one record of payment-service's own bookkeeping (checkpoint, notice) and waits for it. */
    public void publish(TopicSpec topic, String key, SpecificRecord record) {
        await(kafka.send(topic.name(), key, record));
    }

    private static void await(CompletableFuture<?> send) {
        try {
            send.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to Kafka: " + e.getMessage(), e);
        }
    }
}
