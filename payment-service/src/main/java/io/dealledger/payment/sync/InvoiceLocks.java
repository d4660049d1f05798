package io.dealledger.payment.sync;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Serializes the read-decide-publish of one invoice inside this process (the listener, the poller and a
 * backfill may look at the same invoice at once). Striped, always taken in stripe order, so two syncs over
 * several invoices cannot deadlock.
 */
final class InvoiceLocks {

    private static final int STRIPES = 256;

    private final List<ReentrantLock> stripes = IntStream.range(0, STRIPES).mapToObj(i -> new ReentrantLock()).toList();

    <T> T with(Collection<String> keys, Supplier<T> work) {
        int[] held = keys.stream().mapToInt(key -> Math.floorMod(key.hashCode(), STRIPES)).distinct().sorted().toArray();
        for (int stripe : held) {
            stripes.get(stripe).lock();
        }
        try {
            return work.get();
        } finally {
            for (int i = held.length - 1; i >= 0; i--) {
                stripes.get(held[i]).unlock();
            }
        }
    }
}
