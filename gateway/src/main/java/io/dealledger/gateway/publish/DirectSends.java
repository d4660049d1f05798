package io.dealledger.gateway.publish;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Decides whether a Kafka send may run on the calling thread (a Netty event loop) or must hop to a thread that may
 * block. {@code KafkaProducer.send} blocks its caller, up to {@code max.block.ms} (5 s in the gateway's
 * application.yml), in two cases only: while it has no
 * metadata for the topic, and while the record accumulator ({@code buffer.memory}) has no room. A send runs directly
 * only when neither can happen:
 * <ul>
 * <li>the broker acknowledged a send to the same topic within {@link #FRESH} (the producer keeps a topic's metadata
 * for {@code metadata.max.idle.ms}, five minutes by default, after its last send, so it still has it);</li>
 * <li>fewer sends of this publisher are unacknowledged, hopped ones included, than half the producer's {@code
 * buffer.memory} holds of the largest record acknowledged so far (at most {@link #MAX_IN_FLIGHT}). The accumulator
 * then holds about that many of its records, so it stays half empty while the records are no larger than any seen
 * before. The cap is checked, not reserved, so concurrent callers may pass it by a few. Payment webhooks make events
 * of about 1 KB: the cap is then {@link #MAX_IN_FLIGHT}. Should events of 256 KB (the gateway's largest body) come,
 * the first one acknowledged lowers it to 64 on a 32 MB buffer.</li>
 * </ul>
 * Otherwise the send hops, as every send did before: the first send to a topic, every send while the broker is
 * down (no acknowledgement for {@link #FRESH}), every send beyond the cap. The guess that can be wrong: a topic
 * deleted under a running gateway, within {@link #FRESH} of its last acknowledgement, would hold an event loop for up
 * to {@code max.block.ms} per send until then. Measured with {@code WebhookRouteBenchmark}
 * (gateway README, "Benchmark"): the hop cost a third of the publishing route's rate at 128 connections.
 */
final class DirectSends {

    /** How long after a topic's last acknowledgement a send to it is sure the producer has its metadata. */
    static final Duration FRESH = Duration.ofSeconds(60);
    /** Unacknowledged sends beyond which a send hops, however small the records. */
    static final int MAX_IN_FLIGHT = 4096;
    /** What a record takes in the accumulator beside its key and value (headers, batch and record overhead). */
    static final int RECORD_OVERHEAD = 512;

    private final LongSupplier nanoTime;
    private final long bufferMemory;
    private final AtomicLong largest = new AtomicLong(1);
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    /** @param bufferMemory the producer's {@code buffer.memory} */
    DirectSends(LongSupplier nanoTime, long bufferMemory) {
        this.nanoTime = nanoTime;
        this.bufferMemory = bufferMemory;
    }

    /** Whether a send to {@code topic} may run on the calling thread now. */
    boolean direct(String topic) {
        Long last = acknowledged.get(topic);
        long cap = Math.min(MAX_IN_FLIGHT, bufferMemory / 2 / largest.get());
        return inFlight.get() < cap && last != null && nanoTime.getAsLong() - last < FRESH.toNanos();
    }

    /** Right before each send, on whichever thread runs it; followed by one {@link #acknowledged} or {@link #failed}. */
    void sending() {
        inFlight.incrementAndGet();
    }

    /** @param bytes the record's serialized key and value */
    void acknowledged(String topic, int bytes) {
        largest.accumulateAndGet(Math.max(bytes, 0) + RECORD_OVERHEAD, Math::max);
        acknowledged.put(topic, nanoTime.getAsLong());
        inFlight.decrementAndGet();
    }

    /** A send that failed, timed out or was cancelled. */
    void failed() {
        inFlight.decrementAndGet();
    }
}
