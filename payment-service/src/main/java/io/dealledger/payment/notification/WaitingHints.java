package io.dealledger.payment.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Notifications of a burst that wait for the ones still queued behind them ({@link BurstBatches}), by organization
 * and Books record. They are held in this instance only: their offsets are committed, so a crash forgets them, and
 * the poller's next pass (within 5 minutes) reads back what they would have settled.
 */
final class WaitingHints {

    /** A notification, and since when it (or an earlier one of the same record) has been waiting. */
    record Waiting(Object event, Instant since) {
    }

    private final Map<String, Map<String, Waiting>> byOrg = new LinkedHashMap<>();

    /** Removes and answers what waits for the organization, by record key. */
    synchronized Map<String, Waiting> take(String org) {
        Map<String, Waiting> waiting = byOrg.remove(org);
        return waiting == null ? new LinkedHashMap<>() : waiting;
    }

    /** Puts notifications of the organization (back) to wait. */
    synchronized void keep(String org, Map<String, Waiting> waiting) {
        if (!waiting.isEmpty()) {
            Map<String, Waiting> held = byOrg.computeIfAbsent(org, o -> new LinkedHashMap<>());
            held.putAll(waiting);
        }
    }

    synchronized Set<String> orgs() {
        return new LinkedHashSet<>(byOrg.keySet());
    }
}
