package io.dealledger.payment.notification;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the notifications this instance has already handled. A notification's id names the Books record and
 * its version ({@code last_modified_time}, or a hash of the payload without one), so the same id again (Books firing
 * one webhook per rule for one change, a redelivery) would read back the same record for nothing: it is skipped at
 * no Books call. Bounded: the oldest ids are forgotten, and a forgotten one costs at most one read again.
 */
final class HandledHints {

    private final Map<String, Boolean> ids;

    HandledHints(int capacity) {
        this.ids = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean seen(String eventId) {
        return ids.containsKey(eventId);
    }

    synchronized void handled(String eventId) {
        ids.put(eventId, Boolean.TRUE);
    }
}
