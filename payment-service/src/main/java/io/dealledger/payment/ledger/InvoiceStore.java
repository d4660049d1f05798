package io.dealledger.payment.ledger;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.dealledger.events.InvoiceFactsSnapshot;
import io.dealledger.schemas.serde.EventDeserializer;
import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * payment-service's partition-owned store: payment.invoices.v1 holds, per invoice, every fact published for it
 * ({@link InvoiceFactsSnapshot}), in the partition of its organization. An instance given partitions of
 * books.events.v1 restores the same partitions of this topic, and nothing else: start-up reads one compacted record
 * per invoice of its own organizations, never the fact history. A partition never taken over before (the first start
 * after an upgrade) is seeded once from ledger.facts.v1, then marked.
 */
public class InvoiceStore {

    private static final Logger log = LoggerFactory.getLogger(InvoiceStore.class);
    private static final String MARK = "";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> consumerProperties;
    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final LedgerMemory memory;
    private final Clock clock;
    private final Duration timeout;
    private final EventDeserializer events = new EventDeserializer();

    public InvoiceStore(Map<String, Object> kafkaProperties, KafkaTemplate<String, SpecificRecord> kafka,
                        LedgerMemory memory, Clock clock, Duration timeout) {
        Map<String, Object> properties = new HashMap<>(kafkaProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "payment-service-store");
        this.consumerProperties = properties;
        this.kafka = kafka;
        this.memory = memory;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Holds the partitions' organizations from now on: their invoices are read back first (seeded if never). */
    public void restore(Collection<Integer> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Set<Integer> unmarked = new TreeSet<>(partitions);
        long[] snapshots = {0};
        read(Topics.PAYMENT_INVOICES, partitions, (key, event) -> {
            if (event instanceof InvoiceFactsSnapshot snapshot) {
                if (MARK.equals(snapshot.getInvoiceId())) {
                    unmarked.remove(Topics.organizationPartition(key));
                } else {
                    snapshots[0]++;
                    for (ByteBuffer fact : snapshot.getFacts()) {
                        memory.remember(key, events.deserialize(Topics.LEDGER_FACTS.name(), bytes(fact)));
                    }
                }
            }
        });
        if (!unmarked.isEmpty()) {
            seed(unmarked);
        }
        partitions.forEach(memory::own);
        log.info("event=store_restored partitions={} snapshots={} seeded={} facts={} ms={}", new TreeSet<>(partitions),
                snapshots[0], unmarked, memory.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Writes the invoices' snapshots (after their facts are on ledger.facts.v1) and waits for them. */
    public void write(String org, Collection<String> invoiceIds) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (String invoiceId : invoiceIds) {
            sends.add(send(org, Topics.ledgerFactKey(org, invoiceId), memory.snapshot(org, invoiceId, clock.instant())));
        }
        sends.forEach(InvoiceStore::await);
    }

    /** The partitions' history taken over from ledger.facts.v1, written as snapshots, then each partition marked. */
    private void seed(Set<Integer> partitions) {
        List<Integer> all = new ArrayList<>();
        for (int p = 0; p < Topics.LEDGER_FACTS.partitions(); p++) {
            all.add(p);
        }
        read(Topics.LEDGER_FACTS, all, (key, event) -> {
            Object org = event.getSchema().getField("organizationId") == null ? null
                    : event.get(event.getSchema().getField("organizationId").pos());
            if (org != null && partitions.contains(Topics.organizationPartition(org.toString()))) {
                memory.remember(key, event);
            }
        });
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (int partition : partitions) {
            for (String key : memory.invoiceKeys(partition)) {
                String org = key.substring(0, key.indexOf(':'));
                sends.add(send(org, key, memory.snapshot(org, key.substring(key.indexOf(':') + 1), clock.instant())));
            }
        }
        sends.forEach(InvoiceStore::await);
        for (int partition : partitions) {
            InvoiceFactsSnapshot mark = InvoiceFactsSnapshot.newBuilder().setEventId("seeded:" + partition)
                    .setOccurredAt(clock.instant()).setSource("payment-service").setOrganizationId(MARK)
                    .setInvoiceId(MARK).setFacts(List.of()).build();
            await(kafka.send(new ProducerRecord<>(Topics.PAYMENT_INVOICES.name(), partition, markKey(partition), mark)));
        }
        log.info("event=store_seeded partitions={} from={}", partitions, Topics.LEDGER_FACTS.name());
    }

    /** A mark's key: an organization-shaped key whose partition is the marked one, so reading it back names it. */
    static String markKey(int partition) {
        for (int i = 0; ; i++) {
            String candidate = "seeded-" + i;
            if (Topics.organizationPartition(candidate) == partition) {
                return candidate;
            }
        }
    }

    private CompletableFuture<?> send(String org, String key, InvoiceFactsSnapshot snapshot) {
        return kafka.send(new ProducerRecord<>(Topics.PAYMENT_INVOICES.name(), Topics.organizationPartition(org), key,
                snapshot));
    }

    private void read(TopicSpec topic, Collection<Integer> partitions,
                      java.util.function.BiConsumer<String, SpecificRecord> onRecord) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic.name(), p)).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp, timeout) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic.name() + " " + partitions + " back within "
                            + timeout + " (dealledger.payment.startup-timeout)");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        continue;
                    }
                    try {
                        onRecord.accept(record.key(), events.deserialize(topic.name(), record.value()));
                    } catch (RuntimeException e) {
                        // our own topics: an unreadable record is a bug to see in the log, not a reason to stop
                        log.error("event=store_record_skipped topic={} partition={} offset={} reason={}", topic.name(),
                                record.partition(), record.offset(), e.toString());
                    }
                }
            }
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static void await(CompletableFuture<?> send) {
        try {
            send.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing payment.invoices.v1", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write payment.invoices.v1: " + e.getMessage(), e);
        }
    }
}
