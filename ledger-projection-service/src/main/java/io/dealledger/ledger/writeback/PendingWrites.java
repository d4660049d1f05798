package io.dealledger.ledger.writeback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is waiting to be written to CRM, per deal, and what was last written there (design.md §6, API economy).
 * Plain Java, no clock of its own: every call says what time it is.
 * <ul>
 * <li>Coalescing: a deal's first change opens a window; changes arriving inside it replace the waiting values.
 * When the oldest waiting deal's window is over, every waiting deal is written, in batches: one CRM call carries
 * many deals, each once, with its latest values.</li>
 * <li>Diffing: only the fields whose value differs from the last successful write are sent; a deal with no
 * difference is not written at all.</li>
 * <li>Retrying: a write that failed for a reason a retry can cure waits (exponential back-off) and is sent again,
 * up to a number of attempts; one that cannot succeed (a deleted deal) is dropped.</li>
 * </ul>
 * The last written values live in memory: after a restart each deal's next write sends all its fields once.
 */
public final class PendingWrites {

    /** One deal's write: every field's wanted value, the fields to send, the oldest change it carries. */
    public record Write(String dealId, Map<String, Object> fields, Map<String, Object> changed,
                        Instant oldestChange, int attempt) {
    }

    /** How an offered change was taken: waiting on its own, or folded into the deal's waiting write. */
    public enum Offer {
        QUEUED, COALESCED
    }

    private record Waiting(Map<String, Object> fields, Instant opened, Instant oldestChange, Instant notBefore,
                           int attempt) {
    }

    private final Duration window;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final int maxAttempts;
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    private final Map<String, Write> inFlight = new HashMap<>();
    private final Map<String, Map<String, Object>> lastWritten = new HashMap<>();
    /** Deals waiting since this time or before go in the current flush (set when a window ends). */
    private Instant flushCutoff;

    public PendingWrites(Duration window, Duration firstBackoff, Duration maxBackoff, int maxAttempts) {
        this.window = window;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.maxAttempts = maxAttempts;
    }

    /** A new ledger for {@code dealId}, with its CRM field values, caused by something that happened at {@code occurredAt}. */
    public synchronized Offer offer(String dealId, Map<String, Object> fields, Instant occurredAt, Instant now) {
        Waiting before = waiting.get(dealId);
        if (before == null) {
            waiting.put(dealId, new Waiting(new LinkedHashMap<>(fields), now, occurredAt, now, 0));
            return Offer.QUEUED;
        }
        Instant oldest = occurredAt.isBefore(before.oldestChange()) ? occurredAt : before.oldestChange();
        waiting.put(dealId, new Waiting(new LinkedHashMap<>(fields), before.opened(), oldest, before.notBefore(),
                before.attempt()));
        return Offer.COALESCED;
    }

    /**
     * The writes due at {@code now}, at most {@code max}, oldest first: once any waiting deal's window is over, every
     * waiting deal whose back-off has elapsed. Each is in flight until {@link #written} or {@link #failed}. Deals
     * whose values equal the last write are dropped and counted in {@code unchanged}.
     */
    public synchronized Due due(Instant now, int max) {
        List<Write> writes = new ArrayList<>();
        int unchanged = 0;
        boolean windowOver = waiting.entrySet().stream().anyMatch(entry -> ready(entry.getKey(), entry.getValue(), now)
                && !now.isBefore(entry.getValue().opened().plus(window)));
        if (windowOver) {
            flushCutoff = now;
        }
        Iterator<Map.Entry<String, Waiting>> entries = waiting.entrySet().iterator();
        while (flushCutoff != null && entries.hasNext() && writes.size() < max) {
            Map.Entry<String, Waiting> entry = entries.next();
            String dealId = entry.getKey();
            Waiting w = entry.getValue();
            if (!ready(dealId, w, now) || w.opened().isAfter(flushCutoff)) {
                continue;
            }
            entries.remove();
            Map<String, Object> changed = changedSinceLastWrite(dealId, w.fields());
            if (changed.isEmpty()) {
                unchanged++;
                continue;
            }
            Write write = new Write(dealId, w.fields(), changed, w.oldestChange(), w.attempt() + 1);
            inFlight.put(dealId, write);
            writes.add(write);
        }
        return new Due(writes, unchanged);
    }

    /** The writes due now and how many deals were found to need none. */
    public record Due(List<Write> writes, int unchanged) {
    }

    /** CRM acknowledged {@code write}: its fields are now the last written. */
    public synchronized void written(Write write) {
        inFlight.remove(write.dealId());
        lastWritten.computeIfAbsent(write.dealId(), id -> new HashMap<>()).putAll(write.changed());
    }

    /** Fields written to CRM outside the write-back (a reconciliation rewrite): remembered as the last written. */
    public synchronized void rewritten(String dealId, Map<String, Object> fields) {
        lastWritten.computeIfAbsent(dealId, id -> new HashMap<>()).putAll(fields);
    }

    /**
     * {@code write} failed. A retryable failure waits for its back-off and is tried again (unless a newer change of the
     * deal is already waiting, which carries every field anyway), up to the attempt limit. Answers whether it will
     * be retried.
     */
    public synchronized boolean failed(Write write, boolean retryable, Instant now) {
        inFlight.remove(write.dealId());
        if (!retryable || write.attempt() >= maxAttempts) {
            return false;
        }
        Waiting newer = waiting.get(write.dealId());
        Instant retryAt = now.plus(backoff(write.attempt()));
        if (newer == null) {
            waiting.put(write.dealId(), new Waiting(write.fields(), now.minus(window), write.oldestChange(), retryAt,
                    write.attempt()));
        } else {
            Instant oldest = write.oldestChange().isBefore(newer.oldestChange()) ? write.oldestChange()
                    : newer.oldestChange();
            waiting.put(write.dealId(), new Waiting(newer.fields(), newer.opened(), oldest, retryAt, write.attempt()));
        }
        return true;
    }

    /** Forgets the deal (it no longer exists in CRM, or another instance now owns it). */
    public synchronized void forget(String dealId) {
        waiting.remove(dealId);
        lastWritten.remove(dealId);
    }

    /** Whether a change of {@code dealId} is waiting or being written. */
    public synchronized boolean holds(String dealId) {
        return waiting.containsKey(dealId) || inFlight.containsKey(dealId);
    }

    public synchronized int waitingCount() {
        return waiting.size();
    }

    private boolean ready(String dealId, Waiting w, Instant now) {
        return !inFlight.containsKey(dealId) && !now.isBefore(w.notBefore());
    }

    Duration backoff(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    private Map<String, Object> changedSinceLastWrite(String dealId, Map<String, Object> fields) {
        Map<String, Object> last = lastWritten.get(dealId);
        Map<String, Object> changed = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (last == null || !last.containsKey(name) || !CrmDealFields.same(last.get(name), value)) {
                changed.put(name, value);
            }
        });
        return changed;
    }
}
