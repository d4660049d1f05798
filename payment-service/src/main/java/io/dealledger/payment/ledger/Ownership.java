package io.dealledger.payment.ledger;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.dealledger.schemas.topics.Topics;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Which organizations this instance owns: those of the books.events.v1 partitions its consumer group gave it (with the
 * same partitions of payment.work.v1, by the range assignor). Partitions taken away are suspended once no sync is
 * running ({@code quiesce}: the work of every other thread of this instance, the poller's and a backfill's, finishes
 * first); at the assignment that follows, those given back are resumed as they were, the others forgotten, and the
 * new ones restored from payment.invoices.v1 before the first record of theirs is handled.
 */
public class Ownership implements ConsumerAwareRebalanceListener, org.springframework.context.SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Ownership.class);

    private final LedgerMemory memory;
    private final InvoiceStore store;
    private final Consumer<Runnable> quiesce;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final Duration startupWait;
    private volatile boolean running;

    /**
     * @param quiesce runs its argument once no other thread of this instance is syncing an invoice
     */
    public Ownership(LedgerMemory memory, InvoiceStore store, Consumer<Runnable> quiesce, Duration startupWait) {
        this.startupWait = startupWait;
        this.memory = memory;
        this.store = store;
        this.quiesce = quiesce;
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                                                Collection<TopicPartition> partitions) {
        Set<Integer> revoked = owners(partitions);
        quiesce.accept(() -> revoked.forEach(memory::suspend));
        log.info("event=partitions_suspended partitions={}", revoked);
    }

    @Override
    public void onPartitionsLost(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                                 Collection<TopicPartition> partitions) {
        Set<Integer> lost = owners(partitions);
        quiesce.accept(() -> lost.forEach(memory::release));
        log.info("event=partitions_lost partitions={}", lost);
    }

    @Override
    public void onPartitionsAssigned(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                                     Collection<TopicPartition> partitions) {
        Set<Integer> given = owners(partitions);
        Set<Integer> restore = new TreeSet<>();
        for (int p = 0; p < Topics.BOOKS_EVENTS.partitions(); p++) {
            if (given.contains(p) && memory.suspended(p)) {
                memory.resume(p);
            } else if (given.contains(p) && !memory.ownedPartitions().contains(p)) {
                restore.add(p);
            } else if (!given.contains(p) && memory.suspended(p)) {
                memory.release(p);
            }
        }
        store.restore(restore);
        assigned.countDown();
        log.info("event=partitions_owned partitions={} restored={}", new TreeSet<>(memory.ownedPartitions()), restore);
    }

    /** Waits for this instance's first assignment (which may give it no partition); false when it did not come. */
    public boolean awaitFirstAssignment(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Start-up waits (at most {@code startupWait}) for the group's first assignment and its restore, so a single
     * instance is ready holding its organizations. Without it in time (a rebalance waiting out a killed member's
     * session) the instance starts owning nothing yet: the organizations' work waits in Kafka for their owner.
     */
    @Override
    public void start() {
        try {
            if (!awaitFirstAssignment(startupWait)) {
                log.warn("event=ownership_pending waited={} reason=no_assignment_yet", startupWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the listener containers (which join the group). */
    @Override
    public int getPhase() {
        return org.springframework.kafka.listener.AbstractMessageListenerContainer.DEFAULT_PHASE + 10;
    }

    private static Set<Integer> owners(Collection<TopicPartition> partitions) {
        Set<Integer> numbers = new TreeSet<>();
        partitions.stream().filter(tp -> tp.topic().equals(Topics.BOOKS_EVENTS.name()))
                .forEach(tp -> numbers.add(tp.partition()));
        return numbers;
    }
}
