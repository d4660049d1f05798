package io.dealledger.ledger.writeback;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.dealledger.ledger.writeback.PendingWrites.Due;

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
 * Consumes a ledger topic ({@code ledger.deals.v1}, {@code ledger.accounts.v1}) in its own consumer group and writes
 * each record's fields back to its CRM module through {@link PendingWrites} (coalesce, diff, retry) and
 * {@link CrmRecordWriter} (batched calls); {@link CrmRecordFields} says which record and which fields. One thread
 * owns the consumer. An offset is committed only once every record read before it has been written (a write that
 * fails is retried until CRM takes it; only a deleted record is dropped), so a crash re-reads, and re-writes, at
 * most what was not yet written. The loop is supervised: a fault restarts it after a pause, and {@link #down()}
 * (health) says why it is not running meanwhile.
 *
 * @param <E> the published view (DealLedger, AccountLedger)
 */
public class CrmWriteBack<E> implements SmartLifecycle, Runnable {

    private static final Logger log = LoggerFactory.getLogger(CrmWriteBack.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration FIRST_RESTART_PAUSE = Duration.ofSeconds(1);
    private static final Duration MAX_RESTART_PAUSE = Duration.ofSeconds(30);
    /** Four calls of at most the 60 s call timeout fit in Kafka's default five-minute poll interval. */
    static final int MAX_CALLS_PER_POLL = 4;

    private final String topic;
    private final Supplier<Consumer<String, E>> consumers;
    private final CrmRecordFields<E> fields;
    private final PendingWrites pending;
    private final CrmRecordWriter writer;
    private final WriteBackMetrics metrics;
    private final int maxBatch;
    private final Clock clock;
    /** The offset of the first unwritten record of each waiting CRM record (a key stays on one partition). */
    private final Map<String, Map.Entry<TopicPartition, Long>> firstUnwritten = new HashMap<>();
    private volatile boolean running;
    private volatile String down = "starting";
    private final java.util.concurrent.atomic.AtomicInteger restarts = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Consumer<String, E> consumer;
    private Thread thread;

    public CrmWriteBack(String topic, Supplier<Consumer<String, E>> consumers, CrmRecordFields<E> fields,
                        CrmRecordWriter writer, int maxBatch, Clock clock) {
        this.topic = topic;
        this.consumers = consumers;
        this.fields = fields;
        this.pending = writer.pending();
        this.writer = writer;
        this.metrics = writer.metrics();
        this.maxBatch = maxBatch;
        this.clock = clock;
    }

    @Override
    public void run() {
        Duration pause = FIRST_RESTART_PAUSE;
        while (running) {
            try {
                consume();
            } catch (WakeupException stopping) {
                log.debug("crm-write-back=stopping module={}", fields.module());
            } catch (RuntimeException fault) {
                if (!running) {
                    return;
                }
                // supervised: whatever went wrong (a commit after a rebalance, a bug), the loop starts again from the
                // last commit, which never passes an unwritten record; health is DOWN until it runs again
                if (down == null) {
                    pause = FIRST_RESTART_PAUSE; // it ran since the last failure: start the pauses over
                }
                down = fault.toString();
                restarts.incrementAndGet();
                log.error("crm-write-back=failed module={} restart_in={} reason=\"{}\"", fields.module(), pause,
                        fault.getMessage(), fault);
                pending.requeueInFlight(clock.instant());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(MAX_RESTART_PAUSE) > 0 ? MAX_RESTART_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private void consume() {
        try (Consumer<String, E> c = consumers.get()) {
            consumer = c;
            firstUnwritten.clear();
            c.subscribe(List.of(topic), new Revocations());
            while (running) {
                for (ConsumerRecord<String, E> record : c.poll(POLL)) {
                    take(record);
                }
                down = null;
                flush();
                commit(c);
            }
        } finally {
            consumer = null;
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Null while the loop runs; else why it is not running (stopped, or failed and waiting to restart). */
    public String down() {
        return running ? down : "stopped";
    }

    /** How many times the loop failed and was started again. */
    public int restarts() {
        return restarts.get();
    }

    public String module() {
        return fields.module();
    }

    private void take(ConsumerRecord<String, E> record) {
        E view = record.value();
        if (view == null) {
            log.warn("crm-write-back=unreadable topic={} partition={} offset={}", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        String recordId = fields.recordId(view);
        PendingWrites.Offer offer = pending.offer(recordId, fields.valuesOf(view), fields.occurredAt(view),
                clock.instant());
        if (offer == PendingWrites.Offer.COALESCED) {
            metrics.saved("coalesced", 1);
        }
        firstUnwritten.putIfAbsent(recordId,
                Map.entry(new TopicPartition(record.topic(), record.partition()), record.offset()));
    }

    /**
     * Writes what is due, at most {@link #MAX_CALLS_PER_POLL} calls before the loop polls again: each call may take
     * the call timeout, and the consumer must poll within {@code max.poll.interval.ms} (5 min) or lose its partitions
     * and fail its commit.
     */
    private void flush() {
        for (int calls = 0; calls < MAX_CALLS_PER_POLL; calls++) {
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

    private void commit(Consumer<String, E> c) {
        firstUnwritten.keySet().removeIf(recordId -> !pending.holds(recordId));
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

    /** Partitions taken away: their records now belong to another instance, which re-reads them from the commit. */
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
            log.info("crm-write-back=assigned module={} partitions={}", fields.module(), partitions.size());
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this, "crm-write-back-" + fields.module().toLowerCase());
        // a CRM call in flight must not keep the JVM alive: its records' offsets are not committed, so they are re-read
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Consumer<String, E> c = consumer;
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

    /**
     * Stops on a thread of its own, so the Deals and Accounts write-backs (each possibly waiting on a CRM call) stop side
     * by side and shutdown waits for the slower one only.
     */
    @Override
    public void stop(Runnable callback) {
        Thread stopping = new Thread(() -> {
            stop();
            callback.run();
        }, "crm-write-back-stop-" + fields.module().toLowerCase());
        stopping.setDaemon(true);
        stopping.start();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
