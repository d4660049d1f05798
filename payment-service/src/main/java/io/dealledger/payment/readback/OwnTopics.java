package io.dealledger.payment.readback;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Reads payment-service's own topics back before any listener or poll starts, each into what the wiring names
 * (payment.notices.v1 into {@code NoticeLog}, payment.checkpoints.v1 into {@code Checkpoints}), both small;
 * then keeps following them (what another instance writes is known too). ledger.facts.v1 is not among them: the
 * ledger's state is owned by partition ({@code ledger.InvoiceStore}).
 * The topics and their handlers are given at wiring: the stores it fills belong to their capabilities, and
 * knowing none of them keeps this package below all of them.
 */
public class OwnTopics implements SmartLifecycle {

    private final List<TopicTail> tails;
    private final Duration startupTimeout;
    private volatile boolean running;

    public OwnTopics(Map<String, Object> consumerProperties, Duration startupTimeout, List<OwnTopic> topics) {
        this.startupTimeout = startupTimeout;
        this.tails = topics.stream()
                .map(own -> new TopicTail(own.topic().name(), consumerProperties, own.onRecord()))
                .toList();
    }

    @Override
    public void start() {
        tails.forEach(TopicTail::start);
        try {
            for (TopicTail tail : tails) {
                if (!tail.awaitCaughtUp(startupTimeout)) {
                    throw new IllegalStateException("payment-service could not read its own topics back within "
                            + startupTimeout + " (dealledger.payment.startup-timeout): is Kafka reachable?");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading payment-service's own topics", e);
        }
        running = true;
    }

    @Override
    public void stop() {
        tails.forEach(TopicTail::close);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the Kafka listener containers, so no event is handled with an empty memory. */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE - 100;
    }
}
