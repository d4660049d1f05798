package io.dealledger.payment.sync;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Serializes the read-decide-publish of one invoice between the threads of the instance that owns its organization
 * (its listener, its poller and a backfill may look at the same invoice at once); between instances, ownership of the
 * organization's partition serializes it ({@code ledger.Ownership}). Striped, always taken in stripe order, so two syncs over
 * several invoices cannot deadlock.
 */
final class InvoiceLocks {

    private static final int STRIPES = 256;

    private final List<ReentrantLock> stripes = IntStream.range(0, STRIPES).mapToObj(i -> new ReentrantLock()).toList();

    /** Runs {@code work} while no invoice is being synced by any thread of this process. */
    void withAll(Runnable work) {
        holding(IntStream.range(0, STRIPES).boxed().toList(), () -> {
            work.run();
            return null;
        });
    }

    <T> T with(Collection<String> keys, Supplier<T> work) {
        return holding(keys.stream().map(key -> Math.floorMod(key.hashCode(), STRIPES)).toList(), work);
    }

    private <T> T holding(List<Integer> stripeNumbers, Supplier<T> work) {
        int[] held = stripeNumbers.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
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
