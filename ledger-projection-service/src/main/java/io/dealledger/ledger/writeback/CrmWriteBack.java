package io.dealledger.ledger.writeback;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.events.DealLedger;
import io.dealledger.ledger.writeback.PendingWrites.Due;
import io.dealledger.schemas.topics.Topics;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Consumes {@code ledger.deals.v1} in its own consumer group and writes each deal's fields back to CRM through
 * {@link PendingWrites} (coalesce, diff, retry) and {@link CrmDealWriter} (batched calls). One thread owns the
 * consumer. An offset is committed only once every deal read before it has been written (or given up), so a
 * crash re-reads, and re-writes, at most the changes of the last window.
 */
public class CrmWriteBack implements SmartLifecycle, Runnable {

    private static final Logger log = LoggerFactory.getLogger(CrmWriteBack.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final java.util.function.Supplier<Consumer<String, DealLedger>> consumers;
    private final CrmDealFields fields;
    private final PendingWrites pending;
    private final CrmDealWriter writer;
    private final WriteBackMetrics metrics;
    private final int maxBatch;
    private final Clock clock;
    /** The offset of the first unwritten record of each waiting deal (a deal stays on one partition). */
    private final Map<String, Map.Entry<TopicPartition, Long>> firstUnwritten = new HashMap<>();
    private volatile boolean running;
    private volatile Consumer<String, DealLedger> consumer;
    private Thread thread;

    public CrmWriteBack(java.util.function.Supplier<Consumer<String, DealLedger>> consumers, CrmDealFields fields,
                        PendingWrites pending, CrmDealWriter writer, WriteBackMetrics metrics, int maxBatch,
                        Clock clock) {
        this.consumers = consumers;
        this.fields = fields;
        this.pending = pending;
        this.writer = writer;
        this.metrics = metrics;
        this.maxBatch = maxBatch;
        this.clock = clock;
    }

    @Override
    public void run() {
        try (Consumer<String, DealLedger> c = consumers.get()) {
            consumer = c;
            c.subscribe(List.of(Topics.DEAL_LEDGERS.name()), new Revocations());
            while (running) {
                for (ConsumerRecord<String, DealLedger> record : c.poll(POLL)) {
                    take(record);
                }
                flush();
                commit(c);
            }
        } catch (WakeupException stopping) {
            log.debug("crm-write-back=stopping");
        } catch (RuntimeException fault) {
            log.error("crm-write-back=stopped reason=\"{}\"", fault.getMessage(), fault);
        }
    }

    private void take(ConsumerRecord<String, DealLedger> record) {
        DealLedger ledger = record.value();
        if (ledger == null) {
            log.warn("crm-write-back=unreadable topic={} partition={} offset={}", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        PendingWrites.Offer offer = pending.offer(ledger.getDealId(), fields.valuesOf(ledger), ledger.getOccurredAt(),
                clock.instant());
        if (offer == PendingWrites.Offer.COALESCED) {
            metrics.saved("coalesced", 1);
        }
        firstUnwritten.putIfAbsent(ledger.getDealId(),
                Map.entry(new TopicPartition(record.topic(), record.partition()), record.offset()));
    }

    private void flush() {
        while (true) {
            Due due = pending.due(clock.instant(), maxBatch);
            if (due.unchanged() > 0) {
                metrics.saved("unchanged", due.unchanged());
            }
            if (due.writes().isEmpty()) {
                return;
            }
            writer.write(due.writes());
        }
    }

    private void commit(Consumer<String, DealLedger> c) {
        firstUnwritten.keySet().removeIf(dealId -> !pending.holds(dealId));
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : c.assignment()) {
            long safe = c.position(partition);
            for (Map.Entry<TopicPartition, Long> first : firstUnwritten.values()) {
                if (first.getKey().equals(partition)) {
                    safe = Math.min(safe, first.getValue());
                }
            }
            offsets.put(partition, new OffsetAndMetadata(safe));
        }
        if (!offsets.isEmpty()) {
            c.commitSync(offsets);
        }
    }

    /** Partitions taken away: their deals now belong to another instance, which re-reads them from the commit. */
    private final class Revocations implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (consumer != null && !partitions.isEmpty()) {
                commit(consumer);
            }
            firstUnwritten.entrySet().removeIf(entry -> {
                boolean gone = partitions.contains(entry.getValue().getKey());
                if (gone) {
                    pending.forget(entry.getKey());
                }
                return gone;
            });
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            log.info("crm-write-back=assigned partitions={}", partitions.size());
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this, "crm-write-back");
        // a CRM call in flight must not keep the JVM alive: its deals' offsets are not committed, so they are re-read
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Consumer<String, DealLedger> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(Duration.ofSeconds(10).toMillis());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
