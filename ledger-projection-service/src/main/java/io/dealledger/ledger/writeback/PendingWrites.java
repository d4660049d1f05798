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
 * What is waiting to be written to CRM, per record (a deal, an account), and what was last written there
 * (docs/architecture.md §6, API economy). Plain Java, no clock of its own: every call says what time it is.
 * <ul>
 * <li>Leading edge: the change of an idle record (nothing waiting, nothing in flight) is due at once, so a single
 * payment reaches CRM without waiting for changes that are not coming; "at once" is at most a third of the window
 * after the last write was handed out, so a burst over many records still makes a call at most that often.</li>
 * <li>Coalescing: a change of a record whose write is waiting or in flight goes into its next write: it opens a window
 * if none is open, and changes arriving inside it replace the waiting values. When any waiting record is due, every
 * waiting record is written, in batches: one CRM call carries many records, each once, with its latest values.</li>
 * <li>Diffing: only the fields whose value differs from the last successful write are sent; a record with no
 * difference is not written at all.</li>
 * <li>Retrying: a write that failed waits (exponential back-off, capped) and is sent again, for as long as it takes:
 * the last value must reach CRM. Only one that cannot succeed (a deleted record) is dropped.</li>
 * </ul>
 * The last written values live in memory: after a restart each record's next write sends all its fields once.
 */
public final class PendingWrites {

    /** One record's write: every field's wanted value, the fields to send, the oldest change it carries. */
    public record Write(String recordId, Map<String, Object> fields, Map<String, Object> changed,
                        Instant oldestChange, int attempt) {
    }

    /** How an offered change was taken: waiting on its own, or folded into the record's waiting write. */
    public enum Offer {
        QUEUED, COALESCED
    }

    /** {@code leading}: offered while the record was idle, so due as soon as the gap after the last handout allows. */
    private record Waiting(Map<String, Object> fields, Instant opened, Instant oldestChange, Instant notBefore,
                           int attempt, boolean leading) {
    }

    private final Duration window;
    /** The shortest time between two handouts on the leading edge (a third of the window). */
    private final Duration leadingGap;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    private final Map<String, Write> inFlight = new HashMap<>();
    private final Map<String, Map<String, Object>> lastWritten = new HashMap<>();
    /** When writes were last handed out, for the leading edge's gap. */
    private Instant lastHandout;
    /** Records waiting since this time or before go in the current flush (set when a window ends). */
    private Instant flushCutoff;

    public PendingWrites(Duration window, Duration firstBackoff, Duration maxBackoff) {
        this.window = window;
        this.leadingGap = window.dividedBy(3);
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** A new view of {@code recordId}, with its CRM field values, caused by something that happened at {@code occurredAt}. */
    public synchronized Offer offer(String recordId, Map<String, Object> fields, Instant occurredAt, Instant now) {
        Waiting before = waiting.get(recordId);
        if (before == null) {
            // nothing waiting: idle unless its write is in flight, and then due at once (the leading edge)
            waiting.put(recordId, new Waiting(new LinkedHashMap<>(fields), now, occurredAt, now, 0,
                    !inFlight.containsKey(recordId)));
            return Offer.QUEUED;
        }
        Instant oldest = occurredAt.isBefore(before.oldestChange()) ? occurredAt : before.oldestChange();
        waiting.put(recordId, new Waiting(new LinkedHashMap<>(fields), before.opened(), oldest, before.notBefore(),
                before.attempt(), before.leading()));
        return Offer.COALESCED;
    }

    /**
     * The writes due at {@code now}, at most {@code max}, oldest first: once any waiting record's window is over,
     * every waiting record whose back-off has elapsed. Each is in flight until {@link #written} or {@link #failed}.
     * Records whose values equal the last write are dropped and counted in {@code unchanged}.
     */
    public synchronized Due due(Instant now, int max) {
        List<Write> writes = new ArrayList<>();
        int unchanged = 0;
        boolean gapOver = lastHandout == null || !now.isBefore(lastHandout.plus(leadingGap));
        boolean windowOver = waiting.entrySet().stream().anyMatch(entry -> ready(entry.getKey(), entry.getValue(), now)
                && (!now.isBefore(entry.getValue().opened().plus(window)) || entry.getValue().leading() && gapOver));
        if (windowOver) {
            flushCutoff = now;
        }
        Iterator<Map.Entry<String, Waiting>> entries = waiting.entrySet().iterator();
        while (flushCutoff != null && entries.hasNext() && writes.size() < max) {
            Map.Entry<String, Waiting> entry = entries.next();
            String recordId = entry.getKey();
            Waiting w = entry.getValue();
            if (!ready(recordId, w, now) || w.opened().isAfter(flushCutoff)) {
                continue;
            }
            entries.remove();
            Map<String, Object> changed = changedSinceLastWrite(recordId, w.fields());
            if (changed.isEmpty()) {
                unchanged++;
                continue;
            }
            Write write = new Write(recordId, w.fields(), changed, w.oldestChange(), w.attempt() + 1);
            inFlight.put(recordId, write);
            writes.add(write);
        }
        if (!writes.isEmpty()) {
            lastHandout = now;
        }
        return new Due(writes, unchanged);
    }

    /** The writes due now and how many records were found to need none. */
    public record Due(List<Write> writes, int unchanged) {
    }

    /** CRM acknowledged {@code write}: its fields are now the last written. */
    public synchronized void written(Write write) {
        inFlight.remove(write.recordId());
        lastWritten.computeIfAbsent(write.recordId(), id -> new HashMap<>()).putAll(write.changed());
    }

    /** Fields written to CRM outside the write-back (a reconciliation rewrite): remembered as the last written. */
    public synchronized void rewritten(String recordId, Map<String, Object> fields) {
        lastWritten.computeIfAbsent(recordId, id -> new HashMap<>()).putAll(fields);
    }

    /**
     * {@code write} failed. A retryable failure waits for its back-off and is tried again (unless a newer change of the
     * record is already waiting, which carries every field anyway), however many attempts it takes. Answers whether
     * it will be retried.
     */
    public synchronized boolean failed(Write write, boolean retryable, Instant now) {
        inFlight.remove(write.recordId());
        if (!retryable) {
            return false;
        }
        Waiting newer = waiting.get(write.recordId());
        Instant retryAt = now.plus(backoff(write.attempt()));
        if (newer == null) {
            waiting.put(write.recordId(), new Waiting(write.fields(), now.minus(window), write.oldestChange(), retryAt,
                    write.attempt(), false));
        } else {
            Instant oldest = write.oldestChange().isBefore(newer.oldestChange()) ? write.oldestChange()
                    : newer.oldestChange();
            waiting.put(write.recordId(), new Waiting(newer.fields(), newer.opened(), oldest, retryAt, write.attempt(),
                    newer.leading()));
        }
        return true;
    }

    /** The writes in flight when the write-back failed, waiting again as if their call had failed. */
    public synchronized void requeueInFlight(Instant now) {
        new ArrayList<>(inFlight.values()).forEach(write -> failed(write, true, now));
    }

    /** Forgets the record (it no longer exists in CRM, or another instance now owns it). */
    public synchronized void forget(String recordId) {
        waiting.remove(recordId);
        lastWritten.remove(recordId);
    }

    /** Whether a change of {@code recordId} is waiting or being written. */
    public synchronized boolean holds(String recordId) {
        return waiting.containsKey(recordId) || inFlight.containsKey(recordId);
    }

    public synchronized int waitingCount() {
        return waiting.size();
    }

    private boolean ready(String recordId, Waiting w, Instant now) {
        return !inFlight.containsKey(recordId) && !now.isBefore(w.notBefore());
    }

    Duration backoff(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    private Map<String, Object> changedSinceLastWrite(String recordId, Map<String, Object> fields) {
        Map<String, Object> last = lastWritten.get(recordId);
        Map<String, Object> changed = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (last == null || !last.containsKey(name) || !CrmRecordFields.same(last.get(name), value)) {
                changed.put(name, value);
            }
        });
        return changed;
    }
}
