package io.dealledger.payment.memory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dealledger.events.PaymentNoticePosted;
import io.dealledger.events.PollerCheckpoint;
import io.dealledger.payment.cliq.NoticeLog;
import io.dealledger.payment.poller.Checkpoints;
import io.dealledger.schemas.topics.Topics;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Reads payment-service's own topics back before any listener or poll starts: ledger.facts.v1 into
 * {@link LedgerMemory}, payment.notices.v1 into {@link NoticeLog}, payment.checkpoints.v1 into
 * {@link Checkpoints}; then keeps following them (facts written by another instance are remembered too).
 */
public class OwnTopics implements SmartLifecycle {

    private final List<TopicTail> tails;
    private final Duration startupTimeout;
    private volatile boolean running;

    public OwnTopics(Map<String, Object> consumerProperties, Duration startupTimeout, LedgerMemory memory,
                     NoticeLog notices, Checkpoints checkpoints) {
        this.startupTimeout = startupTimeout;
        this.tails = List.of(
                new TopicTail(Topics.LEDGER_FACTS.name(), consumerProperties, memory::remember),
                new TopicTail(Topics.PAYMENT_NOTICES.name(), consumerProperties, (key, event) -> {
                    if (event instanceof PaymentNoticePosted notice) {
                        notices.remember(notice.getOrganizationId(), notice.getPaymentId());
                    }
                }),
                new TopicTail(Topics.POLLER_CHECKPOINTS.name(), consumerProperties, (key, event) -> {
                    if (event instanceof PollerCheckpoint checkpoint) {
                        checkpoints.remember(checkpoint);
                    }
                }));
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
